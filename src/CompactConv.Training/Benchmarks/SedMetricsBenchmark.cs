using System.Globalization;
using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Benchmarks;

/// <summary>Settings of the sound event detection metrics benchmark (defaults: 1,000 files x 10 events, 10 classes).</summary>
public sealed record SedMetricsBenchmarkOptions
{
    /// <summary>Files in each list.</summary>
    public int Files { get; init; } = 1000;

    /// <summary>Reference events per file; the estimate has as many.</summary>
    public int EventsPerFile { get; init; } = 10;

    /// <summary>Number of classes.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Seed of the generated lists.</summary>
    public int Seed { get; init; }

    /// <summary>Timed runs (after <see cref="WarmupRounds"/> untimed ones).</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Untimed runs first: the first evaluation pays for JIT compilation.</summary>
    public int WarmupRounds { get; init; } = 1;
}

/// <summary>The event counts evaluated, the time of each timed run and their spread, in milliseconds.</summary>
public sealed record SedMetricsBenchmarkResult(int ReferenceEvents, int EstimatedEvents, int Files, IReadOnlyList<double> RunMilliseconds)
{
    /// <summary>Median, p10-p90 and extremes of <see cref="RunMilliseconds"/>.</summary>
    public Spread Milliseconds => Spread.Of(RunMilliseconds);
}

/// <summary>
/// Times <see cref="SedEvaluation.Evaluate"/> (segment-based, event-based and onset-only blocks) on
/// generated lists whose estimate mixes every case the metrics handle: detections within and outside
/// the collars, wrong labels and spurious events.
/// </summary>
public static class SedMetricsBenchmark
{
    // Length of a generated file in seconds, as DESED's 10 s clips.
    private const double FileSeconds = 10;

    /// <summary>Generates the lists and times the evaluation; <paramref name="progress"/> receives (runs done, all runs including warm-up).</summary>
    /// <exception cref="ArgumentException">A count below 1, or negative warm-up rounds.</exception>
    public static SedMetricsBenchmarkResult Run(SedMetricsBenchmarkOptions options, Action<int, int>? progress = null)
    {
        var (reference, estimate) = GenerateLists(options.Files, options.EventsPerFile, options.Classes, options.Seed);
        var metricOptions = new SedMetricOptions();
        // One variant: the rounds are plain repeats, timed the same way as the interleaved benchmarks.
        var times = InterleavedRounds.Time([() => SedEvaluation.Evaluate(reference, estimate, metricOptions)], options.Rounds, options.WarmupRounds, progress);
        return new SedMetricsBenchmarkResult(reference.Events.Count, estimate.Events.Count, reference.Files.Count, times[0]);
    }

    /// <summary>
    /// A reference list of <paramref name="files"/> 10 s files with <paramref name="eventsPerFile"/>
    /// events each, and an estimate of as many events: 70 % of the reference events shifted by up to
    /// 0.3 s at each end, 15 % with a wrong label and 15 % replaced by random events.
    /// </summary>
    /// <exception cref="ArgumentException">A count below 1.</exception>
    public static (EventList Reference, EventList Estimate) GenerateLists(int files, int eventsPerFile, int classes, int seed)
    {
        if (files < 1 || eventsPerFile < 1 || classes < 1)
            throw new ArgumentException($"files, events per file and classes must be at least 1, got {files}, {eventsPerFile}, {classes}");
        var random = new Random(seed);
        var labels = Enumerable.Range(0, classes).Select(k => string.Create(CultureInfo.InvariantCulture, $"class_{k:D2}")).ToArray();
        var names = Enumerable.Range(0, files).Select(n => string.Create(CultureInfo.InvariantCulture, $"file_{n:D5}.wav")).ToArray();
        var reference = new List<SoundEvent>();
        var estimate = new List<SoundEvent>();
        foreach (string name in names)
        {
            for (int i = 0; i < eventsPerFile; i++)
            {
                var truth = RandomEvent(random, name, labels);
                reference.Add(truth);
                double roll = random.NextDouble();
                if (roll < 0.15)
                {
                    estimate.Add(RandomEvent(random, name, labels));
                    continue;
                }
                string label = roll < 0.3 ? labels[(Array.IndexOf(labels, truth.Label) + 1 + random.Next(Math.Max(1, classes - 1))) % classes] : truth.Label;
                double onset = Math.Max(0, truth.Onset + Shift(random));
                double offset = Math.Clamp(truth.Offset + Shift(random), onset, FileSeconds);
                estimate.Add(new SoundEvent(name, onset, offset, label));
            }
        }
        return (new EventList(names, reference), new EventList(names, estimate));
    }

    private static SoundEvent RandomEvent(Random random, string file, string[] labels)
    {
        double onset = Math.Round(random.NextDouble() * (FileSeconds - 1), 3);
        double offset = Math.Min(FileSeconds, Math.Round(onset + 0.2 + random.NextDouble() * 2.8, 3));
        return new SoundEvent(file, onset, offset, labels[random.Next(labels.Length)]);
    }

    private static double Shift(Random random) => Math.Round((random.NextDouble() * 2 - 1) * 0.3, 3);
}
