using CompactConv.Layers;
using CompactConv.Models;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

public class SmallCnnTests
{
    private static ModelSpec Spec(ConvKind kind, double width = 1) =>
        new() { Name = "smallcnn", Conv = kind, Width = width, InputShape = [1, 28, 28], NumClasses = 10 };

    private static long Params(ModelSpec spec)
    {
        using var model = ModelRegistry.Create(spec);
        return model.parameters().Sum(p => p.numel());
    }

    [Fact]
    public void StandardParametersMatchTheLayerFormulas()
    {
        // stem 1->32, then 32->32, 32->64, 64->64, 64->128, 128->128, each 3x3 + BatchNorm (2 per channel); fc 128->10.
        long expected = (9 * 1 * 32 + 64) + (9 * 32 * 32 + 64) + (9 * 32 * 64 + 128) + (9 * 64 * 64 + 128)
            + (9 * 64 * 128 + 256) + (9 * 128 * 128 + 256) + (128 * 10 + 10);
        Assert.Equal(288_170, expected);
        Assert.Equal(expected, Params(Spec(ConvKind.Standard)));
    }

    [Fact]
    public void CompactParametersMatchTheLayerFormulas()
    {
        // Compact C->O: 9C + 2C (depth-wise + BN) + (C/2)O + 2O (1x1 + BN); the stem stays standard.
        static long Compact(long c, long o) => 9 * c + 2 * c + c / 2 * o + 2 * o;
        long expected = (9 * 32 + 64) + Compact(32, 32) + Compact(32, 64) + Compact(64, 64) + Compact(64, 128)
            + Compact(128, 128) + (128 * 10 + 10);
        Assert.Equal(expected, Params(Spec(ConvKind.Compact)));
        Assert.True(expected < 0.3 * Params(Spec(ConvKind.Standard)));
    }

    [Theory]
    [InlineData(ConvKind.Standard)]
    [InlineData(ConvKind.Separable)]
    [InlineData(ConvKind.Compact)]
    [InlineData(ConvKind.Squeeze)]
    [InlineData(ConvKind.Shuffle)]
    [InlineData(ConvKind.Ghost)]
    public void EveryKindGivesLogitsForABatch(ConvKind kind)
    {
        using var scope = NewDisposeScope();
        using var model = ModelRegistry.Create(Spec(kind, width: 0.5));
        model.eval();
        var logits = model.call(randn(3, 1, 28, 28));
        Assert.Equal(new long[] { 3, 10 }, logits.shape);
    }

    [Fact]
    public void WidthScalesChannelsToMultiplesOfEight()
    {
        Assert.Equal(16, SmallCnn.Scale(32, 0.5));
        Assert.Equal(8, SmallCnn.Scale(32, 0.1));
        Assert.Equal(48, SmallCnn.Scale(32, 1.5));
        Assert.Throws<ArgumentException>(() => SmallCnn.Scale(32, 0));
    }

    [Theory]
    [InlineData(1e308)] // the channel count overflowed and came out as 8
    [InlineData(3e9)]   // libtorch was asked for terabytes and answered with a C++ dump
    [InlineData(64.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WidthsOutsideZeroToSixtyFourAreRefusedNamingTheOption(double width)
    {
        var error = Assert.Throws<ArgumentException>(() => SmallCnn.Scale(32, width));
        Assert.StartsWith("ModelSpec.Width must be above 0 and at most 64, got ", error.Message);
        Assert.Equal(8192, SmallCnn.Scale(128, ModelSpec.MaxWidth));
    }

    [Fact]
    public void UnknownModelNameIsRejectedWithTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelRegistry.Create(Spec(ConvKind.Standard) with { Name = "resnet1000" }));
        Assert.Contains("resnet1000", e.Message);
        Assert.Contains("smallcnn", e.Message);
    }
}
