namespace CompactConv.Tests.Audio.Features;

/// <summary>The reference for the FFT tests: |X[k]|^2, k = 0 .. n/2, by the DFT's definition in double precision.</summary>
internal static class DirectDft
{
    public static double[] SquaredMagnitudes(float[] frame)
    {
        int n = frame.Length;
        var power = new double[n / 2 + 1];
        for (int k = 0; k < power.Length; k++)
        {
            double re = 0, im = 0;
            for (int i = 0; i < n; i++)
            {
                double angle = 2 * Math.PI * ((long)k * i % n) / n;
                re += frame[i] * Math.Cos(angle);
                im -= frame[i] * Math.Sin(angle);
            }
            power[k] = re * re + im * im;
        }
        return power;
    }

    public static float[] RandomFrame(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    /// <summary>float32 round-off scales with the largest component of the spectrum, so the tolerance does too.</summary>
    public static void AssertClose(double[] expected, float[] actual, double relativeToLargest)
    {
        Assert.Equal(expected.Length, actual.Length);
        double tolerance = relativeToLargest * expected.Max();
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance, $"bin {k}: DFT {expected[k]}, FFT {actual[k]}");
    }
}
