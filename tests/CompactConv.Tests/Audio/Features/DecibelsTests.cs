using CompactConv.Audio.Features;
using static TorchSharp.torch;
using static CompactConv.Tests.Layers.TensorAssert;

namespace CompactConv.Tests.Audio.Features;

/// <summary>power_to_db on powers whose logarithms are whole numbers.</summary>
public class DecibelsTests
{
    [Fact]
    public void NoTopDb_AminFloorsAtMinus100()
    {
        using var scope = NewDisposeScope();
        var p = Make([1f, 1e-12f, 100f, 1e-3f], [1, 4]);
        // 10 log10: 0, max(1e-10, 1e-12) -> -100, 20, -30
        Close([0, -100, 20, -30], TensorDecibels.PowerToDb(p, 1.0, 1e-10, null), 1e-4);
    }

    [Fact]
    public void TopDb_RaisesValuesToMaxMinusTopDb()
    {
        using var scope = NewDisposeScope();
        var p = Make([1f, 1e-12f, 100f, 1e-3f], [1, 4]);
        // max 20 dB, top_db 40 -> floor -20: 0, -20, 20, -20
        Close([0, -20, 20, -20], TensorDecibels.PowerToDb(p, 1.0, 1e-10, 40), 1e-4);
    }

    [Fact]
    public void Ref_ShiftsZeroDb_AndAminAppliesToItToo()
    {
        using var scope = NewDisposeScope();
        var p = Make([1f, 100f], [1, 2]);
        Close([-10, 10], TensorDecibels.PowerToDb(p, 10.0, 1e-10, null), 1e-4);
        // ref below amin is raised to amin: 10 log10(1e-10) = -100 is subtracted.
        Close([100, 120], TensorDecibels.PowerToDb(p, 1e-20, 1e-10, null), 1e-3);
    }

    [Fact]
    public void TopDb_IsPerExample()
    {
        using var scope = NewDisposeScope();
        // Example 0 peaks at 20 dB, example 1 at -40 dB; top_db 30 floors them at -10 and -70.
        var p = Make([100f, 1e-6f, 1e-4f, 1e-9f], [2, 1, 2]);
        Close([20, -10, -40, -70], TensorDecibels.PowerToDb(p, 1.0, 1e-10, 30), 1e-4);
    }

    [Fact]
    public void DoesNotChangeItsInput()
    {
        using var scope = NewDisposeScope();
        var p = Make([100f, 1e-12f], [1, 2]);
        TensorDecibels.PowerToDb(p, 1.0, 1e-10, 10);
        Close([100, 1e-12], p, 1e-12);
    }
}
