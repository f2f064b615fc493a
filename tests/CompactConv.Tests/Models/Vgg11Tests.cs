using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Tests.Layers;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

public class Vgg11Tests
{
    private static readonly (long In, long Out)[] FactoryConvs = [(64, 128), (128, 256), (256, 256), (256, 512), (512, 512), (512, 512), (512, 512)];

    private static ModelSpec Spec(ConvKind kind, int channels = 3, int size = 32) =>
        new() { Name = "vgg11", Conv = kind, InputShape = [channels, size, size], NumClasses = 10 };

    private static long Params(ModelSpec spec)
    {
        using var model = ModelRegistry.Create(spec);
        return ModelCost.CountParameters(model);
    }

    // Standard first conv 3 -> 64 + BN; classifier 512 -> 512 -> 10.
    private static long HandCount(Func<long, long, long> conv) =>
        9 * 3 * 64 + 2 * 64 + FactoryConvs.Sum(c => conv(c.In, c.Out)) + (512 * 512 + 512) + (512 * 10 + 10);

    [Fact]
    public void StandardMatchesTheHandCount()
    {
        long expected = HandCount((c, o) => 9 * c * o + 2 * o);
        Assert.Equal(9_491_018, expected);
        Assert.Equal(expected, Params(Spec(ConvKind.Standard)));
    }

    [Fact]
    public void CompactReplacesAllButTheFirstConv()
    {
        Assert.Equal(HandCount((c, o) => 9 * c + 2 * c + c / 2 * o + 2 * o), Params(Spec(ConvKind.Compact)));
        using var model = ModelRegistry.Create(Spec(ConvKind.Compact));
        var types = model.named_modules().ToDictionary(m => m.name, m => m.module.GetType());
        Assert.Equal(typeof(ConvNormAct), types["features.conv1"]);
        Assert.Equal(7, types.Values.Count(t => t == typeof(CompactConv2d)));
    }

    [Theory]
    [InlineData(1, 28)]
    [InlineData(3, 32)]
    public void FivePoolsEndAtOneByOneForBothInputSizes(int channels, int size)
    {
        using var model = ModelRegistry.Create(Spec(ConvKind.Separable, channels, size));
        var report = ModelCost.Measure(model, [channels, size, size]);
        long[] sizes = report.Layers.Where(l => l.Name.StartsWith("features.pool", StringComparison.Ordinal)).Select(l => l.OutputShape[^1]).ToArray();
        Assert.Equal(size == 28 ? [14L, 7, 4, 2, 1] : [16L, 8, 4, 2, 1], sizes);
        using var scope = NewDisposeScope();
        model.eval();
        TensorAssert.Shape([2, 10], model.call(randn(2, channels, size, size)));
    }
}
