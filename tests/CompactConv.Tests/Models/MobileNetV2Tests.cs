using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Tests.Layers;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

public class MobileNetV2Tests
{
    // Table 2 of the paper: (t, c, n, s), with the CIFAR stride of the second stage.
    private static readonly (int T, int C, int N, int S)[] Table =
        [(1, 16, 1, 1), (6, 24, 2, 1), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)];

    private static ModelSpec Spec(ConvKind kind, int channels = 3, int size = 32) =>
        new() { Name = "mobilenetv2", Conv = kind, InputShape = [channels, size, size], NumClasses = 10 };

    private static long Params(ModelSpec spec)
    {
        using var model = ModelRegistry.Create(spec);
        return ModelCost.CountParameters(model);
    }

    // Every block: optional 1x1 expansion C -> tC + BN, then the spatial part tC -> O.
    private static long HandCount(Func<long, long, long> spatial)
    {
        long total = 9 * 3 * 32 + 2 * 32;
        long c = 32;
        foreach (var (t, o, n, _) in Table)
        {
            for (int b = 0; b < n; b++)
            {
                long hidden = t * c;
                if (t > 1) total += c * hidden + 2 * hidden;
                total += spatial(hidden, o);
                c = o;
            }
        }
        return total + (320 * 1280 + 2 * 1280) + (1280 * 10 + 10);
    }

    [Fact]
    public void SeparableIsMobileNetV2ItselfWithTorchvisionsParameterCount()
    {
        // Depth-wise 3x3 + BN, projection 1x1 + BN. torchvision's mobilenet_v2(num_classes=10) has the
        // same 2,236,682: the CIFAR strides change no weight.
        long expected = HandCount((h, o) => 9 * h + 2 * h + h * o + 2 * o);
        Assert.Equal(2_236_682, expected);
        Assert.Equal(expected, Params(Spec(ConvKind.Separable)));
    }

    [Fact]
    public void CompactPoolsTheExpandedMapsBeforeTheProjection()
    {
        Assert.Equal(HandCount((h, o) => 9 * h + 2 * h + h / 2 * o + 2 * o), Params(Spec(ConvKind.Compact)));
        Assert.Equal(HandCount((h, o) => 9 * h * o + 2 * o), Params(Spec(ConvKind.Standard)));
    }

    [Theory]
    [InlineData(1, 28, 4)]
    [InlineData(3, 32, 4)]
    public void CifarStridesDownsampleThreeTimes(int channels, int size, long lastMap)
    {
        using var model = ModelRegistry.Create(Spec(ConvKind.Separable, channels, size));
        var report = ModelCost.Measure(model, [channels, size, size]);
        Assert.Equal([32L, size, size], report.Layers.Single(l => l.Name == "stem.act").OutputShape);
        Assert.Equal([24L, size, size], report.Layers.Single(l => l.Name == "blocks.stage2_block2.branch.spatial.pointwise.bn").OutputShape);
        Assert.Equal([1280L, lastMap, lastMap], report.Layers.Single(l => l.Name == "head.act").OutputShape);
        Assert.Equal([10L], report.Layers[^1].OutputShape);
    }

    [Fact]
    public void ResidualsJoinOnlyStrideOneBlocksOfEqualWidth()
    {
        using var model = new MobileNetV2(Spec(ConvKind.Separable));
        var blocks = model.named_modules().Where(m => m.module is InvertedResidual)
            .ToDictionary(m => m.name, m => ((InvertedResidual)m.module).HasShortcut);
        Assert.Equal(17, blocks.Count);
        // Every block after the first of stages 2 to 6; stage 1 (32 -> 16) and stage 7 (one block) have none.
        Assert.Equal(10, blocks.Count(b => b.Value));
        Assert.False(blocks["blocks.stage1_block1"]);
        Assert.False(blocks["blocks.stage5_block1"]);
        Assert.True(blocks["blocks.stage5_block2"]);
    }

    [Theory]
    [MemberData(nameof(BackboneGridTests.Kinds), MemberType = typeof(BackboneGridTests))]
    public void TheBottleneckIsLinearForEveryKind(ConvKind kind)
    {
        using var scope = NewDisposeScope();
        var options = ConvOptions.Default with { Activation = ActivationKind.ReLU6 };
        using var block = new InvertedResidual(kind, 16, 16, 1, 6, options);
        Assert.Equal(96, block.HiddenChannels);
        // The spatial part outputs -5 and nothing clips it: 10 + (-5) = 5, where a ReLU6 would give 10.
        ResidualProbe.MakeConstant(block, "branch.spatial", -5f);
        TensorAssert.Close(Enumerable.Repeat(5.0, 16 * 25).ToArray(), block.call(full(1, 16, 5, 5, 10f)));

        using var strided = new InvertedResidual(kind, 16, 24, 2, 6, options);
        Assert.False(strided.HasShortcut);
        ResidualProbe.MakeConstant(strided, "branch.spatial", -5f);
        TensorAssert.Close(Enumerable.Repeat(-5.0, 24 * 9).ToArray(), strided.call(full(1, 16, 5, 5, 10f)));
    }

    [Fact]
    public void ExpansionOneHasNoExpansionLayerAndZeroIsRejected()
    {
        using var block = new InvertedResidual(ConvKind.Separable, 32, 16, 1, 1, ConvOptions.Default);
        Assert.DoesNotContain(block.named_modules(), m => m.name.Contains("expand", StringComparison.Ordinal));
        var e = Assert.Throws<ArgumentException>(() => new InvertedResidual(ConvKind.Separable, 32, 16, 1, 0, ConvOptions.Default));
        Assert.Contains("expansion", e.Message);
    }

    [Fact]
    public void WidthBelowOneKeepsTheHeadAt1280AndAboveOneScalesIt()
    {
        using var narrow = new MobileNetV2(Spec(ConvKind.Separable) with { Width = 0.5 });
        using var wide = new MobileNetV2(Spec(ConvKind.Separable) with { Width = 1.5 });
        static long Channels(MobileNetV2 m, string name) => ((ConvNormAct)m.named_modules().Single(x => x.name == name).module).Conv.weight!.shape[0];
        Assert.Equal(1280, Channels(narrow, "head"));
        Assert.Equal(1920, Channels(wide, "head"));
        Assert.Equal(16, Channels(narrow, "stem"));
        Assert.Equal(48, Channels(wide, "stem"));
    }
}
