namespace CompactConv.Tests.Audio.Features;

/// <summary>Deterministic test signals.</summary>
internal static class Signals
{
    public static float[] Sine(double hz, int sampleRate, int length, double amplitude = 0.5) =>
        Enumerable.Range(0, length).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / sampleRate))).ToArray();

    /// <summary>Two tones plus seeded uniform noise, so every band has energy well above the floor.</summary>
    public static float[] TonesAndNoise(int sampleRate, int length, int seed, double scale = 1.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i => (float)(scale * (
            0.5 * Math.Sin(2 * Math.PI * 440 * i / sampleRate)
            + 0.2 * Math.Sin(2 * Math.PI * 1750 * i / sampleRate + 1)
            + 0.05 * (2 * random.NextDouble() - 1)))).ToArray();
    }
}
