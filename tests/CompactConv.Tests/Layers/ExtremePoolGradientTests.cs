using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Layers;

/// <summary>The hand-written max/min backward must agree with libtorch's amax/amin backward.</summary>
public class ExtremePoolGradientTests
{
    [Theory]
    [InlineData(ChannelPoolOp.Max, 2)]
    [InlineData(ChannelPoolOp.Max, 3)]
    [InlineData(ChannelPoolOp.Max, 4)]
    [InlineData(ChannelPoolOp.Min, 2)]
    [InlineData(ChannelPoolOp.Min, 4)]
    public void GradientsMatchAmaxIncludingTiesWhenTheForwardRanInADisposedScope(ChannelPoolOp op, int r)
    {
        using var scope = NewDisposeScope();
        // Rounded values make ties frequent.
        var values = randn(3, 4 * r, 5, 5).mul(2).round();
        var x = values.clone().requires_grad_(true);
        var reference = values.clone().requires_grad_(true);
        var weights = randn(3, 4, 5, 5);

        Tensor pooled;
        using (NewDisposeScope())
        {
            pooled = new ChannelPool(r, op).call(x).MoveToOuterDisposeScope();
        }
        var grouped = reference.reshape(3, 4, r, 5, 5);
        var expected = op == ChannelPoolOp.Max ? grouped.amax([2]) : grouped.amin([2]);

        Assert.True(pooled.eq(expected).all().item<bool>());
        (pooled * weights).sum().backward();
        (expected * weights).sum().backward();
        Assert.True(allclose(x.grad!, reference.grad!, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void WithoutGradientsThePoolTakesThePlainPath()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 8, 3, 3, requires_grad: true);
        using (no_grad())
        {
            var y = new ChannelPool(2, ChannelPoolOp.Max).call(x);
            Assert.False(y.requires_grad);
        }
        Assert.True(new ChannelPool(2, ChannelPoolOp.Max).call(x).requires_grad);
    }
}
