using CompactConv.Benchmarks;

namespace CompactConv.Audio.Features;

/// <summary>What <see cref="FeatureThroughput.MeasureExtraction"/> timed for one number of workers.</summary>
/// <param name="Workers">Clips extracted at once, one per worker thread.</param>
/// <param name="ClipsPerSecond">Clips per second over the timed rounds.</param>
/// <param name="TimesRealTime">Seconds of audio per second of wall time over the timed rounds.</param>
public sealed record ExtractionThroughput(int Workers, Spread ClipsPerSecond, Spread TimesRealTime);

/// <summary>
/// Measures <see cref="FeatureCache.Fill"/> on synthetic clips, so that the extraction speed can be
/// checked on any machine without a dataset (the issue's target: 200x real time on 2 cores for
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

    /// <summary>
    /// <see cref="LogMelSpectrogram"/> alone (no decoding, no cache) on <paramref name="clips"/>
    /// synthetic clips of <paramref name="seconds"/> s, once per entry of <paramref name="workerCounts"/>
    /// in every round, the entries interleaved (<see cref="InterleavedRounds"/>) so that the machine's
    /// drift hits them all alike. Lives here rather than beside the front end because the round
    /// and spread helpers belong to the benchmarks.
    /// </summary>
    public static IReadOnlyList<ExtractionThroughput> MeasureExtraction(
        LogMelOptions options, int clips, double seconds, IReadOnlyList<int> workerCounts, int rounds, int warmupRounds = 1)
    {
        ArgumentNullException.ThrowIfNull(workerCounts);
        if (clips < 1) throw new ArgumentException($"clip count must be at least 1, got {clips}");
        if (!(seconds > 0)) throw new ArgumentException($"clip length must be positive, got {seconds} s");
        if (workerCounts.Count == 0 || workerCounts.Any(w => w < 1))
            throw new ArgumentException($"worker counts must be at least 1, got [{string.Join(", ", workerCounts)}]");
        var logMel = new LogMelSpectrogram(options);
        int length = checked((int)Math.Round(seconds * options.SampleRate));
        var signals = Enumerable.Range(0, clips).Select(seed => Synthesise(length, options.SampleRate, seed)).ToArray();
        var variants = workerCounts.Select(workers => (Action)(() =>
            Parallel.For(0, clips, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => logMel.Compute(signals[i])))).ToArray();
        var milliseconds = InterleavedRounds.Time(variants, rounds, warmupRounds);
        return workerCounts.Select((workers, v) => new ExtractionThroughput(
            workers,
            Spread.Of(milliseconds[v].Select(ms => clips * 1000.0 / ms)),
            Spread.Of(milliseconds[v].Select(ms => clips * seconds * 1000.0 / ms)))).ToArray();
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
