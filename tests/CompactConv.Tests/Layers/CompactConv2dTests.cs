using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace CompactConv.Tests.Layers;

/// <summary>CompactConv2d without BN/activations must equal depth-wise conv -> group max -> 1x1 conv done by hand.</summary>
public class CompactConv2dTests
{
    private static readonly ConvOptions Plain = ConvOptions.Default with
    {
        NormAfterDepthwise = false,
        ActivateAfterDepthwise = false,
        NormAtOutput = false,
        OutputActivation = ActivationKind.None,
    };

    /// <summary>Overwrites the block's weights with our own tensors so the manual path knows them independently.</summary>
    private static (Tensor DwW, Tensor DwB, Tensor PwW, Tensor PwB) SetWeights(nn.Module block, long c, long reduced, long o, long k)
    {
        var dwW = randn(c, 1, k, k);
        var dwB = randn(c);
        var pwW = randn(o, reduced, 1, 1);
        var pwB = randn(o);
        var parameters = block.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(["depthwise.conv.bias", "depthwise.conv.weight", "pointwise.conv.bias", "pointwise.conv.weight"],
            parameters.Keys.Order());
        using (no_grad())
        {
            parameters["depthwise.conv.weight"].copy_(dwW);
            parameters["depthwise.conv.bias"].copy_(dwB);
            parameters["pointwise.conv.weight"].copy_(pwW);
            parameters["pointwise.conv.bias"].copy_(pwB);
        }
        return (dwW, dwB, pwW, pwB);
    }

    [Theory]
    [InlineData(1L, 1L)]
    [InlineData(2L, 1L)]
    [InlineData(1L, 2L)]
    public void AdjacentMax_EqualsManualComputation(long stride, long dilation)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(31);
        const long c = 8, o = 6, k = 3, r = 2;
        using var block = new CompactConv2d(c, o, k, stride: stride, dilation: dilation,
            options: Plain with { R = (int)r, Op = ChannelPoolOp.Max, Grouping = ChannelGrouping.Adjacent });
        var (dwW, dwB, pwW, pwB) = SetWeights(block, c, c / r, o, k);
        var x = randn(2, c, 7, 9);

        var depthwise = F.conv2d(x, dwW, dwB, strides: [stride, stride], padding: [dilation, dilation],
            dilation: [dilation, dilation], groups: c);
        var shape = depthwise.shape;
        var pooled = depthwise.reshape(shape[0], c / r, r, shape[2], shape[3]).amax([2]);
        var expected = F.conv2d(pooled, pwW, pwB);

        var actual = block.forward(x);
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(torch.allclose(expected, actual, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void InterleavedMax_EqualsManualComputation()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(32);
        const long c = 8, o = 5, k = 3;
        using var block = new CompactConv2d(c, o, k,
            options: Plain with { R = 2, Op = ChannelPoolOp.Max, Grouping = ChannelGrouping.Interleaved });
        var (dwW, dwB, pwW, pwB) = SetWeights(block, c, c / 2, o, k);
        var x = randn(1, c, 5, 5);

        var depthwise = F.conv2d(x, dwW, dwB, padding: [1, 1], groups: c);
        // Interleaved, C = 8, r = 2: group g is channels (g, g + 4).
        var pooled = torch.maximum(depthwise.narrow(1, 0, 4), depthwise.narrow(1, 4, 4));
        var expected = F.conv2d(pooled, pwW, pwB);

        Assert.True(torch.allclose(expected, block.forward(x), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Properties_DescribeTheBlock()
    {
        using var block = new CompactConv2d(8, 6, 3,
            options: ConvOptions.Default with { R = 4, Op = ChannelPoolOp.Mean, Grouping = ChannelGrouping.Interleaved });
        Assert.Equal(8, block.InChannels);
        Assert.Equal(6, block.OutChannels);
        Assert.Equal(2, block.ReducedChannels);
        Assert.Equal(4, block.Pool.R);
        Assert.Equal(ChannelPoolOp.Mean, block.Pool.Op);
        Assert.Equal(ChannelGrouping.Interleaved, block.Pool.Grouping);
    }

    [Fact]
    public void NoOptions_UseTheDefaults()
    {
        // Without a record the block is the paper's default: max over adjacent pairs.
        using var block = new CompactConv2d(8, 6, 3);
        Assert.Equal(2, block.Pool.R);
        Assert.Equal(ChannelPoolOp.Max, block.Pool.Op);
        Assert.Equal(ChannelGrouping.Adjacent, block.Pool.Grouping);
        Assert.Equal(4, block.ReducedChannels);
    }

    [Fact]
    public void EvalMode_ReachesThePool()
    {
        using var scope = NewDisposeScope();
        using var block = new CompactConv2d(8, 4, 3, options: Plain with { Op = ChannelPoolOp.Stochastic });
        block.eval();
        Assert.False(block.Pool.training);
        var x = randn(1, 8, 4, 4);
        // Stochastic pooling is the mean in eval mode, so repeated calls agree exactly.
        Assert.True(torch.allclose(block.forward(x), block.forward(x), rtol: 0, atol: 0));
    }
}
