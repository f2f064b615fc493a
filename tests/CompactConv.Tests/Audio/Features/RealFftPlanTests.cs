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
        var random = new Random(n);
        var frame = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var power = new float[n / 2 + 1];
        new RealFftPlan(n).SquaredMagnitudes(frame, power);
        double largest = 0;
        var expected = new double[power.Length];
        for (int k = 0; k < power.Length; k++)
        {
            double re = 0, im = 0;
            for (int i = 0; i < n; i++)
            {
                double angle = 2 * Math.PI * ((long)k * i % n) / n;
                re += frame[i] * Math.Cos(angle);
                im -= frame[i] * Math.Sin(angle);
            }
            expected[k] = re * re + im * im;
            largest = Math.Max(largest, expected[k]);
        }
        // float32 round-off scales with the largest component of the spectrum.
        for (int k = 0; k < power.Length; k++)
            Assert.True(Math.Abs(expected[k] - power[k]) <= 1e-5 * largest, $"bin {k}: DFT {expected[k]}, FFT {power[k]}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(1000)]
    public void LengthsThatAreNotAPowerOfTwoFromFour_AreRefused(int n) =>
        Assert.Throws<ArgumentException>(() => new RealFftPlan(n));
}
