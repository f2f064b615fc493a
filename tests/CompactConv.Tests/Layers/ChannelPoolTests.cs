using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;
using static CompactConv.Tests.Layers.TensorAssert;

namespace CompactConv.Tests.Layers;

/// <summary>
/// Every interchannel op on one small input whose results are worked out by hand.
/// Input [1, 4, 1, 2], r = 2, adjacent groups (c0, c1) and (c2, c3):
///   c0 = ( 1, -2)   c1 = ( 3, -5)   c2 = ( 4, 0)   c3 = (-1, 2)
/// Output [1, 2, 1, 2] is weighted by w = (1, 2 | 3, 4) before summing, so each output
/// position sends a distinct gradient and a misrouted gradient shows up as a wrong number.
/// Gradients below are listed in input order c0p0, c0p1, c1p0, c1p1, c2p0, c2p1, c3p0, c3p1.
/// </summary>
public class ChannelPoolTests
{
    private static readonly float[] Input = [1, -2, 3, -5, 4, 0, -1, 2];
    private static readonly long[] InputShape = [1, 4, 1, 2];
    private static readonly float[] Weights = [1, 2, 3, 4];
    private static readonly long[] OutputShape = [1, 2, 1, 2];

    /// <summary>Forward plus d(sum(out * w))/d(input) for one op on <paramref name="input"/>.</summary>
    private static (Tensor Output, Tensor Grad) Run(ChannelPoolOp op, float[] input, long[] shape, float[] weights, int r = 2)
    {
        var x = Make(input, shape, requiresGrad: true);
        using var pool = new ChannelPool(r, op);
        var y = pool.forward(x);
        var w = Make(weights, y.shape);
        (y * w).sum().backward();
        return (y, x.grad!);
    }

    private static (Tensor Output, Tensor Grad) Run(ChannelPoolOp op) => Run(op, Input, InputShape, Weights);

    [Fact]
    public void Max_PicksLargestMember_GradientToIt()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Max);
        Shape(OutputShape, y);
        Close([3, -2, 4, 2], y);
        // g0p0 -> c1 (3), g0p1 -> c0 (-2), g1p0 -> c2 (4), g1p1 -> c3 (2)
        Close([0, 2, 1, 0, 3, 0, 0, 4], g);
    }

    [Fact]
    public void Min_PicksSmallestMember_GradientToIt()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Min);
        Close([1, -5, -1, 0], y);
        // g0p0 -> c0 (1), g0p1 -> c1 (-5), g1p0 -> c3 (-1), g1p1 -> c2 (0)
        Close([1, 0, 0, 2, 0, 4, 3, 0], g);
    }

    [Fact]
    public void Mean_AveragesGroup_GradientHalvedToEachMember()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Mean);
        Close([2, -3.5, 1.5, 1], y);
        Close([0.5, 1, 0.5, 1, 1.5, 2, 1.5, 2], g);
    }

    [Fact]
    public void Sum_AddsGroup_FullGradientToEachMember()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Sum);
        Close([4, -7, 3, 2], y);
        Close([1, 2, 1, 2, 3, 4, 3, 4], g);
    }

    [Fact]
    public void Rms_RootMeanSquare_GradientIsXOverRTimesRms()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Rms);
        double r00 = Math.Sqrt((1 + 9) / 2.0), r01 = Math.Sqrt((4 + 25) / 2.0);
        double r10 = Math.Sqrt((16 + 1) / 2.0), r11 = Math.Sqrt((0 + 4) / 2.0);
        Close([r00, r01, r10, r11], y);
        // d rms / d x_i = x_i / (r * rms), times the output's weight.
        Close([
            1 * 1 / (2 * r00), -2 * 2 / (2 * r01),
            3 * 1 / (2 * r00), -5 * 2 / (2 * r01),
            4 * 3 / (2 * r10), 0,
            -1 * 3 / (2 * r10), 2 * 4 / (2 * r11),
        ], g);
    }

    [Fact]
    public void AbsMax_KeepsSignOfLargestMagnitude_GradientToIt()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.AbsMax);
        // Group (c0, c1) at p1 is (-2, -5): magnitude 5 wins and keeps its sign.
        Close([3, -5, 4, 2], y);
        Close([0, 0, 1, 2, 3, 0, 0, 4], g);
    }

    [Fact]
    public void AbsMax_ReturnsSignedValue_NotMagnitude()
    {
        using var scope = NewDisposeScope();
        // Groups (-3, 2) and (2, -3): the answer is -3 whichever position holds it.
        var (y, g) = Run(ChannelPoolOp.AbsMax, [-3, 2, 2, -3], [1, 4, 1, 1], [1, 2]);
        Close([-3, -3], y);
        Close([1, 0, 0, 2], g);
    }

    [Fact]
    public void LogSumExp_IsSmoothMax_GradientIsSoftmax()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.LogSumExp);
        static double Lse(double a, double b) => Math.Log(Math.Exp(a) + Math.Exp(b));
        Close([Lse(1, 3), Lse(-2, -5), Lse(4, -1), Lse(0, 2)], y);
        // softmax(a, b)_a = 1 / (1 + e^(b - a))
        static double Soft(double self, double other) => 1 / (1 + Math.Exp(other - self));
        Close([
            1 * Soft(1, 3), 2 * Soft(-2, -5),
            1 * Soft(3, 1), 2 * Soft(-5, -2),
            3 * Soft(4, -1), 4 * Soft(0, 2),
            3 * Soft(-1, 4), 4 * Soft(2, 0),
        ], g);
    }

    [Fact]
    public void Select_KeepsFirstMember_GradientOnlyToIt()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Select);
        Close([1, -2, 4, 0], y);
        Close([1, 2, 0, 0, 3, 4, 0, 0], g);
    }

    [Fact]
    public void Stochastic_InEval_IsMean()
    {
        using var scope = NewDisposeScope();
        using var pool = new ChannelPool(2, ChannelPoolOp.Stochastic);
        pool.eval();
        var x = Make(Input, InputShape, requiresGrad: true);
        var y = pool.forward(x);
        Close([2, -3.5, 1.5, 1], y);
        (y * Make(Weights, OutputShape)).sum().backward();
        Close([0.5, 1, 0.5, 1, 1.5, 2, 1.5, 2], x.grad!);
    }

    [Fact]
    public void Stochastic_InTraining_PicksOneMemberPerPosition_AndChoiceVaries()
    {
        using var scope = NewDisposeScope();
        const int r = 4;
        torch.manual_seed(1234);
        // randn makes every member distinct, so equality identifies which member was picked.
        var x = randn(2, 8, 5, 6).requires_grad_();
        using var pool = new ChannelPool(r, ChannelPoolOp.Stochastic);
        Assert.True(pool.training);
        var y = pool.forward(x);
        Shape([2, 2, 5, 6], y);

        var members = x.detach().reshape(2, 2, r, 5, 6);
        var hits = members.eq(y.detach().unsqueeze(2));
        // Exactly one member matches at every output position.
        Assert.True(hits.sum(2).eq(1).all().item<bool>());
        // All r members get picked somewhere among the 120 positions: the choice is per position, not per call.
        var timesPicked = hits.sum([0, 1, 3, 4]);
        for (int i = 0; i < r; i++) Assert.True(timesPicked[i].item<long>() > 0, $"member {i} never picked");

        // The gradient goes to the picked member only.
        y.sum().backward();
        var grad = x.grad!.reshape(2, 2, r, 5, 6);
        Assert.True(torch.allclose(grad, hits.to(ScalarType.Float32), rtol: 0, atol: 0));
    }

    [Fact]
    public void Stochastic_TwoTrainingCalls_DrawDifferentMembers()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(7);
        var x = randn(1, 8, 4, 4);
        using var pool = new ChannelPool(4, ChannelPoolOp.Stochastic);
        var a = pool.forward(x);
        var b = pool.forward(x);
        Assert.False(torch.allclose(a, b));
    }

    [Theory]
    [InlineData(ChannelPoolOp.Max)]
    [InlineData(ChannelPoolOp.Min)]
    public void MaxAndMin_TiedMembers_SplitGradientEvenly(ChannelPoolOp op)
    {
        using var scope = NewDisposeScope();
        // p0 is a tie (5, 5); p1 is not: max picks c1 (2), min picks c0 (1).
        var (y, g) = Run(op, [5, 1, 5, 2], [1, 2, 1, 2], [1, 2]);
        if (op == ChannelPoolOp.Max)
        {
            Close([5, 2], y);
            Close([0.5, 0, 0.5, 2], g);
        }
        else
        {
            Close([5, 1], y);
            Close([0.5, 2, 0.5, 0], g);
        }
    }

    [Fact]
    public void Max_TwoWayTieInGroupOfFour_SplitsBetweenTiedOnly()
    {
        using var scope = NewDisposeScope();
        var (y, g) = Run(ChannelPoolOp.Max, [2, 7, 7, 1], [1, 4, 1, 1], [1], r: 4);
        Close([7], y);
        Close([0, 0.5, 0.5, 0], g);
    }

    [Fact]
    public void AbsMax_PlusAndMinusTie_FirstMemberWinsWholeGradient()
    {
        using var scope = NewDisposeScope();
        // p0: (+3, -3) -> +3 from c0; p1: (-3, +3) -> -3 from c0.
        var (y, g) = Run(ChannelPoolOp.AbsMax, [3, -3, -3, 3], [1, 2, 1, 2], [1, 2]);
        Close([3, -3], y);
        Close([1, 2, 0, 0], g);
    }

    [Theory]
    [MemberData(nameof(AllOps))]
    public void RIsOne_IsIdentity(ChannelPoolOp op)
    {
        using var scope = NewDisposeScope();
        using var pool = new ChannelPool(1, op);
        var x = Make(Input, InputShape, requiresGrad: true);
        var y = pool.forward(x);
        Shape(InputShape, y);
        Close(Input.Select(v => (double)v).ToArray(), y);
        y.sum().backward();
        Close(Enumerable.Repeat(1.0, Input.Length).ToArray(), x.grad!);
    }

    public static TheoryData<ChannelPoolOp> AllOps()
    {
        var data = new TheoryData<ChannelPoolOp>();
        foreach (var op in Enum.GetValues<ChannelPoolOp>()) data.Add(op);
        return data;
    }

    [Fact]
    public void Rank3Input_PoolsChannelAxis()
    {
        using var scope = NewDisposeScope();
        // [N=1, C=4, L=2]: same numbers as the rank-4 case without the H axis.
        using var pool = new ChannelPool(2, ChannelPoolOp.Max);
        var y = pool.forward(Make(Input, [1, 4, 2]));
        Shape([1, 2, 2], y);
        Close([3, -2, 4, 2], y);
    }

    [Fact]
    public void Rank5Input_PoolsChannelAxis()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(3);
        var x = randn(new long[] { 2, 6, 2, 3, 2 });
        using var pool = new ChannelPool(3, ChannelPoolOp.Sum);
        var y = pool.forward(x);
        Shape([2, 2, 2, 3, 2], y);
        // Written with narrow() rather than reshape so it does not share the implementation's indexing.
        var g0 = x.narrow(1, 0, 1) + x.narrow(1, 1, 1) + x.narrow(1, 2, 1);
        var g1 = x.narrow(1, 3, 1) + x.narrow(1, 4, 1) + x.narrow(1, 5, 1);
        Assert.True(torch.allclose(y, cat([g0, g1], 1), atol: 1e-6));
    }

    /// <summary>[1, C, 2, 2] with channel c filled with the value c.</summary>
    private static Tensor ChannelIndexed(int channels) =>
        arange(channels, dtype: ScalarType.Float32).reshape(1, channels, 1, 1).expand(1, channels, 2, 2).contiguous();

    private static double[] Filled(params double[] perChannel) => perChannel.SelectMany(v => Enumerable.Repeat(v, 4)).ToArray();

    [Fact]
    public void AdjacentGrouping_GroupsNeighbouringChannels()
    {
        using var scope = NewDisposeScope();
        var x = ChannelIndexed(4);
        using var sum = new ChannelPool(2, ChannelPoolOp.Sum, ChannelGrouping.Adjacent);
        using var first = new ChannelPool(2, ChannelPoolOp.Select, ChannelGrouping.Adjacent);
        Close(Filled(0 + 1, 2 + 3), sum.forward(x));
        Close(Filled(0, 2), first.forward(x));
    }

    [Fact]
    public void InterleavedGrouping_GroupsChannelsCOverRApart()
    {
        using var scope = NewDisposeScope();
        var x = ChannelIndexed(4);
        using var sum = new ChannelPool(2, ChannelPoolOp.Sum, ChannelGrouping.Interleaved);
        using var first = new ChannelPool(2, ChannelPoolOp.Select, ChannelGrouping.Interleaved);
        Close(Filled(0 + 2, 1 + 3), sum.forward(x));
        Close(Filled(0, 1), first.forward(x));
    }

    [Fact]
    public void Grouping_SixChannelsRThree_BothLayouts()
    {
        using var scope = NewDisposeScope();
        var x = ChannelIndexed(6);
        using var adjacent = new ChannelPool(3, ChannelPoolOp.Sum, ChannelGrouping.Adjacent);
        using var interleaved = new ChannelPool(3, ChannelPoolOp.Sum, ChannelGrouping.Interleaved);
        Close(Filled(0 + 1 + 2, 3 + 4 + 5), adjacent.forward(x));
        Close(Filled(0 + 2 + 4, 1 + 3 + 5), interleaved.forward(x));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void NonPositiveR_Throws_NamingValue(int r)
    {
        var e = Assert.Throws<ArgumentException>(() => new ChannelPool(r));
        Assert.Matches($@"(^|[^\d-]){r}\b", e.Message);
    }

    [Fact]
    public void ChannelsNotDivisibleByR_Throws_NamingBoth()
    {
        using var scope = NewDisposeScope();
        using var pool = new ChannelPool(4);
        var e = Assert.Throws<ArgumentException>(() => pool.forward(zeros(1, 6, 2, 2)));
        Assert.Contains("6", e.Message);
        Assert.Contains("4", e.Message);
    }

    [Fact]
    public void RankOneInput_Throws()
    {
        using var scope = NewDisposeScope();
        using var pool = new ChannelPool(2);
        Assert.Throws<ArgumentException>(() => pool.forward(zeros(4)));
    }

    [Fact]
    public void ParseOp_UnknownName_Throws_NamingValue()
    {
        var e = Assert.Throws<ArgumentException>(() => ChannelPoolNames.ParseOp("bogus"));
        Assert.Contains("bogus", e.Message);
        var g = Assert.Throws<ArgumentException>(() => ChannelPoolNames.ParseGrouping("sideways"));
        Assert.Contains("sideways", g.Message);
    }

    [Fact]
    public void Names_RoundTripThroughParse()
    {
        foreach (var op in Enum.GetValues<ChannelPoolOp>()) Assert.Equal(op, ChannelPoolNames.ParseOp(op.Name()));
        foreach (var grouping in Enum.GetValues<ChannelGrouping>()) Assert.Equal(grouping, ChannelPoolNames.ParseGrouping(grouping.Name()));
        Assert.Equal(ChannelPoolOp.AbsMax, ChannelPoolNames.ParseOp("ABSMAX"));
    }

    [Fact]
    public void Pool_HasNoParameters()
    {
        foreach (var op in Enum.GetValues<ChannelPoolOp>())
        {
            using var pool = new ChannelPool(2, op);
            Assert.Empty(pool.parameters());
            Assert.Empty(pool.state_dict());
        }
    }
}
