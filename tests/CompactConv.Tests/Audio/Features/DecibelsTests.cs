using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

/// <summary>power_to_db on powers whose logarithms are whole numbers.</summary>
public class DecibelsTests
{
    private static float[] ToDb(float[] power, double reference, double? topDb)
    {
        var values = (float[])power.Clone();
        Decibels.PowerToDbInPlace(values, reference, 1e-10, topDb);
        return values;
    }

    private static void Close(double[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"value {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void NoTopDb_AminFloorsAtMinus100() =>
        // 10 log10: 0, max(1e-10, 1e-12) -> -100, 20, -30
        Close([0, -100, 20, -30], ToDb([1f, 1e-12f, 100f, 1e-3f], 1.0, null), 1e-4);

    [Fact]
    public void TopDb_RaisesValuesToMaxMinusTopDb() =>
        // max 20 dB, top_db 40 -> floor -20: 0, -20, 20, -20
        Close([0, -20, 20, -20], ToDb([1f, 1e-12f, 100f, 1e-3f], 1.0, 40), 1e-4);

    [Fact]
    public void Ref_ShiftsZeroDb_AndAminAppliesToItToo()
    {
        Close([-10, 10], ToDb([1f, 100f], 10.0, null), 1e-4);
        // ref below amin is raised to amin: 10 log10(1e-10) = -100 is subtracted.
        Close([100, 120], ToDb([1f, 100f], 1e-20, null), 1e-3);
    }

    [Fact]
    public void Overflow_StaysInfinite_ForTheCallersFiniteCheck()
    {
        var values = ToDb([float.PositiveInfinity, 1f], 1.0, 80);
        Assert.True(float.IsPositiveInfinity(values[0]));
        Assert.False(float.IsFinite(values[1]));
    }

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => Decibels.PowerToDbInPlace(new float[2], 1.0, 0, null));
        Assert.Throws<ArgumentException>(() => Decibels.PowerToDbInPlace(new float[2], 1.0, 1e-10, -1));
    }
}
