using CompactConv.Layers;
using static TorchSharp.torch;

namespace CompactConv.Tests.Layers;

public class ActivationAfterPoolTests
{
    [Theory]
    [InlineData(ChannelPoolOp.Max, ActivationKind.ReLU, true)]
    [InlineData(ChannelPoolOp.Min, ActivationKind.ReLU6, true)]
    [InlineData(ChannelPoolOp.Select, ActivationKind.ReLU, true)]
    [InlineData(ChannelPoolOp.Mean, ActivationKind.ReLU, false)]
    [InlineData(ChannelPoolOp.AbsMax, ActivationKind.ReLU, false)]
    [InlineData(ChannelPoolOp.Max, ActivationKind.SiLU, false)]
    public void OnlyMonotoneActivationsCommuteWithOrderingOps(ChannelPoolOp op, ActivationKind activation, bool expected) =>
        Assert.Equal(expected, new ChannelPool(2, op).CommutesWith(activation));

    [Theory]
    [InlineData(ChannelPoolOp.Max)]
    [InlineData(ChannelPoolOp.Min)]
    public void ActivatingAfterThePoolGivesTheSameValuesAndGradients(ChannelPoolOp op)
    {
        using var scope = NewDisposeScope();
        var pool = new ChannelPool(2, op);
        var x = randn(2, 6, 3, 3, requires_grad: true);
        var y = randn(2, 6, 3, 3, requires_grad: true);
        using (no_grad()) y.copy_(x);
        var before = pool.call(nn.functional.relu(x));
        var after = nn.functional.relu(pool.call(y));
        Assert.True(allclose(before, after, rtol: 0, atol: 0));
        var weights = randn(before.shape);
        (before * weights).sum().backward();
        (after * weights).sum().backward();
        Assert.True(allclose(x.grad!, y.grad!, rtol: 0, atol: 1e-7));
    }
}
