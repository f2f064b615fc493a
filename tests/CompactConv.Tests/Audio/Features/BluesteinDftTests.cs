using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class BluesteinDftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(200)]
    [InlineData(1764)] // 40 ms at 44.1 kHz
    [InlineData(64)]   // a power of two works too
    public void SquaredMagnitudes_EqualADirectDoublePrecisionDft(int n)
    {
        var frame = DirectDft.RandomFrame(n, seed: n);
        var power = new float[n / 2 + 1];
        new BluesteinDft(n).SquaredMagnitudes(frame, power);
        DirectDft.AssertClose(DirectDft.SquaredMagnitudes(frame), power, 1e-5);
    }

    [Fact]
    public void ZeroLength_IsRefused() => Assert.Throws<ArgumentException>(() => new BluesteinDft(0));
}
