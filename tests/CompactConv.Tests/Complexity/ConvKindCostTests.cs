using CompactConv.Complexity;
using CompactConv.Layers;
using TorchSharp;

namespace CompactConv.Tests.Complexity;

/// <summary>
/// Every conv kind measured against its cost written out by hand from the block's definition:
/// C = 8 inputs, O = 16 outputs, k = 3, input 8 x 10 x 12, padding 1. Each BatchNorm adds 2 parameters
/// per channel and the convolutions before a BatchNorm have no bias.
/// </summary>
public class ConvKindCostTests
{
    private const long C = 8, O = 16, K = 3, H = 10, W = 12;

    private static (long Ho, long Wo) OutputSize(long stride) => ((H + 2 - K) / stride + 1, (W + 2 - K) / stride + 1);

    private static CostReport Measure(ConvKind kind, long stride, ConvOptions? options = null)
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(kind, C, O, K, stride, options: options);
        return ModelCost.Measure(block, [C, H, W]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Standard(long stride)
    {
        var (ho, wo) = OutputSize(stride);
        var report = Measure(ConvKind.Standard, stride);
        Assert.Equal(K * K * C * O + 2 * O, report.Parameters);
        Assert.Equal(ho * wo * K * K * C * O, report.Macs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Separable(long stride)
    {
        var (ho, wo) = OutputSize(stride);
        var report = Measure(ConvKind.Separable, stride);
        Assert.Equal(K * K * C + 2 * C + C * O + 2 * O, report.Parameters);
        // The depth-wise conv already strides, so both convs run at the output resolution.
        Assert.Equal(ho * wo * (K * K * C + C * O), report.Macs);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    public void Compact(int r, long stride)
    {
        var (ho, wo) = OutputSize(stride);
        var report = Measure(ConvKind.Compact, stride, ConvOptions.Default with { R = r });
        Assert.Equal(K * K * C + 2 * C + C / r * O + 2 * O, report.Parameters);
        Assert.Equal(ho * wo * (K * K * C + C / r * O), report.Macs);
        var pool = Assert.Single(report.Layers, l => l.Type == nameof(ChannelPool));
        Assert.Equal("reduce", pool.Name);
        Assert.Equal(0, pool.Parameters);
        Assert.Equal(0, pool.Macs);
        Assert.Equal(C * ho * wo, pool.Ops);
        Assert.Equal([C / r, ho, wo], pool.OutputShape);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public void CompactAddsNoParametersBeyondItsConvolutions(int r, long stride)
    {
        var separable = Measure(ConvKind.Separable, stride);
        var compact = Measure(ConvKind.Compact, stride, ConvOptions.Default with { R = r });
        Assert.Equal(separable.Parameters - (C - C / r) * O, compact.Parameters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Squeeze(long stride)
    {
        const long r = 2;
        var (ho, wo) = OutputSize(stride);
        var report = Measure(ConvKind.Squeeze, stride, ConvOptions.Default with { R = (int)r });
        Assert.Equal(K * K * C + 2 * C + C * (C / r) + C / r * O + 2 * O, report.Parameters);
        Assert.Equal(ho * wo * (K * K * C + C * (C / r) + C / r * O), report.Macs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Shuffle(long stride)
    {
        // gcd(8, 16) = 8, so the default cap of 4 groups is used.
        const long g = 4;
        var (ho, wo) = OutputSize(stride);
        var report = Measure(ConvKind.Shuffle, stride);
        long expand = C * (C / g) + 2 * C;
        long depthwise = K * K * C + 2 * C;
        long project = C / g * O + 2 * O;
        Assert.Equal(expand + depthwise + project, report.Parameters);
        // The grouped 1x1 before the depth-wise conv runs at the input resolution.
        Assert.Equal(H * W * C * (C / g) + ho * wo * (K * K * C + C / g * O), report.Macs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Ghost(long stride)
    {
        // s = 2: the primary conv makes ceil(O / 2) = 8 maps; a 3x3 depth-wise conv makes one ghost from each.
        const long m = 8, cheapK = 3;
        var (ho, wo) = OutputSize(stride);
        var report = Measure(ConvKind.Ghost, stride);
        Assert.Equal(K * K * C * m + 2 * m + cheapK * cheapK * m + 2 * m, report.Parameters);
        Assert.Equal(ho * wo * (K * K * C * m + cheapK * cheapK * m), report.Macs);
    }

    [Fact]
    public void CompactOpsAndMemoryFollowTheDocumentedConventions()
    {
        const long r = 2;
        var (ho, wo) = OutputSize(1);
        var report = Measure(ConvKind.Compact, 1);
        // Depth-wise: BatchNorm 2 per element of C maps; pool 1 per input element; the ReLU runs
        // after the max pool (same function, C/r maps); point-wise: BatchNorm 2 + ReLU 1 per element
        // of O maps. The convs have no bias.
        Assert.Equal(ho * wo * (2 * C + C + C / r + 3 * O), report.Ops);
        // conv and BatchNorm outputs of C maps, pool and ReLU outputs of C/r maps, then 3 of O maps, 4 bytes each.
        Assert.Equal(4 * ho * wo * (2 * C + 2 * (C / r) + 3 * O), report.TotalActivationBytes);
        Assert.Equal(4 * ho * wo * O, report.PeakActivationBytes);
    }
}
