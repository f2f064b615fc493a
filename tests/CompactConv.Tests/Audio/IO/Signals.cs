namespace CompactConv.Tests.Audio.IO;

/// <summary>Test signals and the independent measurements the audio tests compare against.</summary>
internal static class Signals
{
    public static float[] Sine(double frequency, int rate, int length, double amplitude = 0.5, double phase = 0) =>
        Enumerable.Range(0, length).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * n / rate + phase))).ToArray();

    /// <summary>Frequency from upward zero crossings: crossings between the first and last one, over the time between them.</summary>
    public static double ZeroCrossingFrequency(float[] x, int rate, int from, int to)
    {
        double first = double.NaN, last = double.NaN;
        int count = 0;
        for (int i = Math.Max(from, 1); i < to; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                // Linear interpolation of the crossing instant makes the estimate sub-sample accurate.
                double t = i - 1 + x[i - 1] / (double)(x[i - 1] - x[i]);
                if (count == 0) first = t;
                last = t;
                count++;
            }
        }
        return (count - 1) / ((last - first) / rate);
    }

    public static double Rms(float[] x, int from, int to) =>
        Math.Sqrt(x.Skip(from).Take(to - from).Select(v => (double)v * v).Average());
}
