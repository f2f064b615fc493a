using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Tests.Layers;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

public class CifarResNetTests
{
    private static ModelSpec Spec(string name, ConvKind kind, int channels = 3, int size = 32) =>
        new() { Name = name, Conv = kind, InputShape = [channels, size, size], NumClasses = 10 };

    private static long Params(ModelSpec spec)
    {
        using var model = ModelRegistry.Create(spec);
        return ModelCost.CountParameters(model);
    }

    // 3x3 conv C -> O plus BatchNorm (2 per output channel).
    private static long Conv(long c, long o) => 9 * c * o + 2 * o;

    // Option B shortcut: 1x1 conv C -> O plus BatchNorm.
    private static long Projection(long c, long o) => c * o + 2 * o;

    // Compact r = 2: depth-wise 3x3 + BN, then 1x1 from C/2 + BN.
    private static long Compact(long c, long o) => 9 * c + 2 * c + c / 2 * o + 2 * o;

    private static long HandCount(int n, Func<long, long, long> conv)
    {
        long stem = Conv(3, 16);
        long stage1 = n * 2 * conv(16, 16);
        long stage2 = conv(16, 32) + conv(32, 32) + Projection(16, 32) + (n - 1) * 2 * conv(32, 32);
        long stage3 = conv(32, 64) + conv(64, 64) + Projection(32, 64) + (n - 1) * 2 * conv(64, 64);
        long fc = 64 * 10 + 10;
        return stem + stage1 + stage2 + stage3 + fc;
    }

    [Fact]
    public void Resnet20StandardHas272474ParametersWithProjectionShortcuts()
    {
        // 269,722 with option A's parameter-free shortcuts, plus the two projections 16->32 and 32->64.
        Assert.Equal(272_474, HandCount(3, Conv));
        Assert.Equal(269_722 + Projection(16, 32) + Projection(32, 64), HandCount(3, Conv));
        Assert.Equal(272_474, Params(Spec("resnet20", ConvKind.Standard)));
    }

    [Theory]
    [InlineData("resnet32", 5)]
    [InlineData("resnet56", 9)]
    public void DeeperResnetsMatchTheHandCount(string name, int n)
    {
        Assert.Equal(HandCount(n, Conv), Params(Spec(name, ConvKind.Standard)));
        Assert.Equal(HandCount(n, Compact), Params(Spec(name, ConvKind.Compact)));
    }

    [Fact]
    public void Resnet20CompactReplacesEveryBlockConvAndKeepsTheStemStandard()
    {
        Assert.Equal(26_922, HandCount(3, Compact));
        Assert.Equal(26_922, Params(Spec("resnet20", ConvKind.Compact)));
        using var model = ModelRegistry.Create(Spec("resnet20", ConvKind.Compact));
        var types = model.named_modules().ToDictionary(m => m.name, m => m.module.GetType());
        Assert.Equal(typeof(ConvNormAct), types["stem"]);
        Assert.Equal(18, types.Count(t => t.Value == typeof(CompactConv2d)));
        Assert.Equal(2, types.Keys.Count(k => k.EndsWith(".shortcut", StringComparison.Ordinal)));
        Assert.Contains("stages.stage2_block1.shortcut", types.Keys);
        Assert.Contains("stages.stage3_block1.shortcut", types.Keys);
    }

    [Theory]
    [InlineData(1, 28, 7)]
    [InlineData(3, 32, 8)]
    public void LastStageIsAQuarterOfTheInputAndLogitsComeOut(int channels, int size, long lastMap)
    {
        using var model = ModelRegistry.Create(Spec("resnet20", ConvKind.Separable, channels, size));
        var report = ModelCost.Measure(model, [channels, size, size]);
        Assert.Equal([64L, lastMap, lastMap], report.Layers.Last(l => l.Name.EndsWith(".act", StringComparison.Ordinal)).OutputShape);
        using var scope = NewDisposeScope();
        model.eval();
        TensorAssert.Shape([2, 10], model.call(randn(2, channels, size, size)));
    }

    [Theory]
    [MemberData(nameof(BackboneGridTests.Kinds), MemberType = typeof(BackboneGridTests))]
    public void TheSecondConvAddsBeforeTheReluForEveryKind(ConvKind kind)
    {
        using var scope = NewDisposeScope();
        using var block = new BasicBlock(kind, 16, 16, 1, ConvOptions.Default);
        Assert.True(block.HasShortcut);
        // The second conv's branch output is -5; the identity adds 10: ReLU(10 - 5) = 5. A ReLU
        // before the addition would clip the branch to 0 and give 10.
        ResidualProbe.MakeConstant(block, "branch.conv2", -5f);
        var output = block.call(full(1, 16, 6, 6, 10f));
        TensorAssert.Close(Enumerable.Repeat(5.0, 16 * 36).ToArray(), output);
    }

    [Fact]
    public void ProjectionShortcutIsAStridedOneByOneConvWithBatchNormAndNoActivation()
    {
        using var scope = NewDisposeScope();
        using var block = new BasicBlock(ConvKind.Standard, 16, 32, 2, ConvOptions.Default);
        var modules = block.named_modules().ToDictionary(m => m.name, m => m.module);
        var shortcut = Assert.IsType<ConvNormAct>(modules["shortcut"]);
        Assert.Equal([32L, 16L, 1L, 1L], shortcut.Conv.weight!.shape);
        Assert.Equal([2L, 2L], shortcut.Conv.stride);
        // With the branch at -5 the output is ReLU(shortcut(x) - 5): the shortcut alone decides.
        ResidualProbe.MakeConstant(block, "branch.conv2", -5f);
        var x = randn(1, 16, 8, 8);
        var expected = nn.functional.relu(shortcut.call(x) - 5);
        Assert.True(block.call(x).allclose(expected));
        TensorAssert.Shape([1, 32, 4, 4], expected);
    }

    [Fact]
    public void WidthMultipliesEveryStage()
    {
        // Width 2: 32/64/128 channels; the stem stays 3 -> 32.
        long expected = Conv(3, 32) + 3 * 2 * Conv(32, 32)
            + Conv(32, 64) + Conv(64, 64) + Projection(32, 64) + 2 * 2 * Conv(64, 64)
            + Conv(64, 128) + Conv(128, 128) + Projection(64, 128) + 2 * 2 * Conv(128, 128) + 128 * 10 + 10;
        Assert.Equal(expected, Params(Spec("resnet20", ConvKind.Standard) with { Width = 2 }));
    }

    [Theory]
    [InlineData(20, 3)]
    [InlineData(110, 18)]
    public void BlocksForDepthIsSixNPlusTwo(int depth, int n) => Assert.Equal(n, CifarResNet.BlocksForDepth(depth));

    [Theory]
    [InlineData(2)]
    [InlineData(21)]
    public void OtherDepthsAreRejected(int depth)
    {
        var e = Assert.Throws<ArgumentException>(() => CifarResNet.BlocksForDepth(depth));
        Assert.Contains("6n + 2", e.Message);
    }
}
