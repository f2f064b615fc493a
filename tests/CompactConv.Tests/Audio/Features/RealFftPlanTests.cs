using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class RealFftPlanTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(512)]
    [InlineData(4096)]
    public void SquaredMagnitudes_EqualADirectDoublePrecisionDft(int n)
    {
        var frame = DirectDft.RandomFrame(n, seed: n);
        var power = new float[n / 2 + 1];
        new RealFftPlan(n).SquaredMagnitudes(frame, power);
        DirectDft.AssertClose(DirectDft.SquaredMagnitudes(frame), power, 1e-5);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(1000)]
    public void LengthsThatAreNotAPowerOfTwoFromFour_AreRefused(int n) =>
        Assert.Throws<ArgumentException>(() => new RealFftPlan(n));
}
