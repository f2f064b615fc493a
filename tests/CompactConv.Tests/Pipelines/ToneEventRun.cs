using System.Globalization;
using CompactConv.Audio;
using CompactConv.Data.Events;
using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// A tiny URBAN-SED-layout set and one events run trained on it through the CLI, shared by the tests of
/// <see cref="ToneEventRunCollection"/>: 2 s clips at 8 kHz over faint noise with tone events of two
/// classes ("low" at 500 Hz, "high" at 2.5 kHz) at seeded random times. The first four test clips also
/// have a second event of their first event's label overlapping it, so merging the reference changes the
/// event-based figures, and two more test clips are annotated with a "low" event they do not sound, so
/// no threshold finds every event and PSDS stays below 1.
/// </summary>
public sealed class ToneEventRun : IDisposable
{
    public const int Rate = 8000;
    public const double ClipSeconds = 2.0;
    public const int OverlappingTestClips = 4;
    public const int SilentTestClips = 2;
    public static readonly string[] FrontEnd = ["--sample-rate", "8000", "--n-fft", "256", "--hop", "128", "--mels", "16"];
    // The post-processing the run trains with, as sed-metrics options.
    public static readonly string[] PostProcessing = ["--median-filter", "0.05", "--min-event", "0.05", "--min-gap", "0.05"];
    private static readonly (string Label, double Hz)[] Classes = [("high", 2500), ("low", 500)];

    private readonly TempFolder _temp = new();

    public ToneEventRun()
    {
        Data = _temp.File("urbansed");
        Cache = _temp.File("cache");
        Run = _temp.File("run");
        WriteSplit(Data, "train", 48, seed: 1, []);
        WriteSplit(Data, "validate", 12, seed: 2, []);
        var test = new List<SoundEvent>();
        WriteSplit(Data, "test", 12, seed: 3, test, OverlappingTestClips, SilentTestClips);
        TestEvents = test;
        TestFiles = Enumerable.Range(0, 12 + SilentTestClips).Select(n => string.Create(CultureInfo.InvariantCulture, $"test-{n:000}.wav")).ToArray();
        AnnotationPath = _temp.File("test_annotation.tsv");
        EventListTsv.Write(AnnotationPath, TestEvents, TestFiles, exactTimes: true);

        Train = CliHarness.Run(["train", "--task", "events", "--dataset", "urbansed", "--data", Data, "--cache", Cache,
            "--model", "crnn", "--conv", "compact", "--op", "max", "--r", "2", "--width", "0.25",
            "--epochs", "8", "--batch", "8", "--lr", "0.01", .. PostProcessing, "--out", Run, .. FrontEnd]);
    }

    public string Data { get; }

    public string Cache { get; }

    public string Run { get; }

    /// <summary>The test annotation rows in file and line order, as written.</summary>
    public IReadOnlyList<SoundEvent> TestEvents { get; }

    public IReadOnlyList<string> TestFiles { get; }

    /// <summary>The test annotation rows as one event list file (what a user would hand sed-metrics).</summary>
    public string AnnotationPath { get; }

    public CliHarness.Result Train { get; }

    public void Dispose() => _temp.Dispose();

    // URBAN-SED layout: audio/SPLIT/NAME.wav and annotations/SPLIT/NAME.txt (onset, offset, label; no header).
    public static void WriteSplit(string root, string split, int count, int seed, List<SoundEvent> events, int overlapping = 0, int silent = 0)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(root, "audio", split));
        Directory.CreateDirectory(Path.Combine(root, "annotations", split));
        for (int n = 0; n < count; n++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{split}-{n:000}");
            var samples = new float[(int)(ClipSeconds * Rate)];
            for (int i = 0; i < samples.Length; i++) samples[i] = 0.002f * (float)(random.NextDouble() * 2 - 1);
            var rows = new List<string>();
            int eventCount = 1 + random.Next(2);
            for (int e = 0; e < eventCount; e++)
            {
                var (label, hz) = Classes[random.Next(Classes.Length)];
                // One event per half of the clip, so events of different halves never overlap.
                double onset = Math.Round(e + random.NextDouble() * 0.4, 3), offset = Math.Round(onset + 0.3 + random.NextDouble() * 0.2, 3);
                AddEvent(samples, rows, events, name, onset, offset, label, hz);
                // The overlapping second event sounds too, so a detector hears one longer stretch of the class.
                if (e == 0 && n < overlapping)
                    AddEvent(samples, rows, events, name, Math.Round(onset + 0.1, 3), Math.Round(offset + 0.1, 3), label, hz);
            }
            WavWriter.Write(Path.Combine(root, "audio", split, name + ".wav"), [samples], Rate);
            File.WriteAllLines(Path.Combine(root, "annotations", split, name + ".txt"), rows);
        }
        // After the others, so their random draws stay those of a set without silent clips.
        for (int n = count; n < count + silent; n++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{split}-{n:000}");
            var samples = new float[(int)(ClipSeconds * Rate)];
            for (int i = 0; i < samples.Length; i++) samples[i] = 0.002f * (float)(random.NextDouble() * 2 - 1);
            WavWriter.Write(Path.Combine(root, "audio", split, name + ".wav"), [samples], Rate);
            File.WriteAllLines(Path.Combine(root, "annotations", split, name + ".txt"), ["0.5\t0.9\tlow"]);
            events.Add(new SoundEvent(name + ".wav", 0.5, 0.9, "low"));
        }
    }

    private static void AddEvent(float[] samples, List<string> rows, List<SoundEvent> events, string name, double onset, double offset, string label, double hz)
    {
        for (int i = (int)(onset * Rate); i < (int)(offset * Rate); i++) samples[i] += 0.3f * (float)Math.Sin(2 * Math.PI * hz * i / Rate);
        rows.Add(string.Create(CultureInfo.InvariantCulture, $"{onset}\t{offset}\t{label}"));
        events.Add(new SoundEvent(name + ".wav", onset, offset, label));
    }
}

/// <summary>The tests that share one trained <see cref="ToneEventRun"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ToneEventRunCollection : ICollectionFixture<ToneEventRun>
{
    public const string Name = "tone event run";
}
