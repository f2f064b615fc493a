using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;
using static CompactConv.Tests.Layers.TensorAssert;

namespace CompactConv.Tests.Layers;

public class ShuffleConv2dTests
{
    [Fact]
    public void ChannelShuffle_SixChannelsTwoGroups()
    {
        using var scope = NewDisposeScope();
        var x = arange(6, dtype: ScalarType.Float32).reshape(1, 6, 1, 1);
        // Groups (0 1 2)(3 4 5) -> take one from each group in turn.
        Close([0, 3, 1, 4, 2, 5], ShuffleConv2d.ChannelShuffle(x, 2));
    }

    [Fact]
    public void ChannelShuffle_ThreeGroups_KeepsSpatialLayout()
    {
        using var scope = NewDisposeScope();
        // Channel c holds 10c + position, so both the channel order and the positions are checked.
        var x = (arange(6, dtype: ScalarType.Float32).reshape(1, 6, 1, 1) * 10 + arange(2, dtype: ScalarType.Float32).reshape(1, 1, 1, 2));
        Close([0, 1, 20, 21, 40, 41, 10, 11, 30, 31, 50, 51], ShuffleConv2d.ChannelShuffle(x, 3));
    }

    [Theory]
    [InlineData(8, 16, 4, 4)]
    [InlineData(6, 9, 4, 3)]
    [InlineData(7, 16, 4, 1)]
    [InlineData(8, 16, 1, 1)]
    [InlineData(12, 18, 8, 6)]
    public void ChooseGroups_LargestCommonDivisorNotAboveMax(long inChannels, long outChannels, int max, long expected)
    {
        Assert.Equal(expected, ShuffleConv2d.ChooseGroups(inChannels, outChannels, max));
    }

    [Fact]
    public void ChooseGroups_NonPositiveMax_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ShuffleConv2d.ChooseGroups(8, 8, 0));
        Assert.Contains("0", e.Message);
    }
}
