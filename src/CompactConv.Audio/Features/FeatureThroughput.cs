namespace CompactConv.Audio.Features;

/// <summary>
/// Measures <see cref="FeatureCache.Fill"/> on synthetic clips, so that the extraction speed can be
/// checked on any machine without a dataset (the target: 200x real time on 2 cores for
/// 44.1 kHz audio to 128 mel bands).
/// </summary>
public static class FeatureThroughput
{
    /// <summary>
    /// Fills a fresh temporary cache from <paramref name="clips"/> synthetic mono clips of
    /// <paramref name="seconds"/> s (tones plus noise, generated before the clock starts, so the
    /// number covers extraction and cache writes but no decoding) and deletes it again.
    /// </summary>
    public static FeatureCacheFillResult MeasureSynthetic(LogMelOptions options, int clips, double seconds, int maxParallelism)
    {
        options.Validate();
        if (clips < 1) throw new ArgumentException($"clip count must be at least 1, got {clips}");
        if (!(seconds > 0)) throw new ArgumentException($"clip length must be positive, got {seconds} s");
        int length = checked((int)Math.Round(seconds * options.SampleRate));
        var folder = Path.Combine(Path.GetTempPath(), "compactconv-throughput-" + Guid.NewGuid().ToString("N"));
        try
        {
            var audio = Directory.CreateDirectory(Path.Combine(folder, "audio")).FullName;
            var signals = new Dictionary<string, float[]>();
            for (int i = 0; i < clips; i++)
            {
                // The cache keys on the file's path, size and time: an empty stand-in file is enough.
                var path = Path.Combine(audio, $"clip{i:D4}.wav");
                File.WriteAllBytes(path, []);
                signals[path] = Synthesise(length, options.SampleRate, seed: i);
            }
            var cache = new FeatureCache(Path.Combine(folder, "cache"));
            return cache.Fill(signals.Keys.ToArray(), path => signals[path], options, maxParallelism, null);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static float[] Synthesise(int length, int sampleRate, int seed)
    {
        var random = new Random(seed);
        double hz = 200 + 50 * seed;
        var samples = new float[length];
        for (int i = 0; i < length; i++)
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / sampleRate) + 0.1 * (2 * random.NextDouble() - 1));
        return samples;
    }
}
