using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompactConv.Audio;
using CompactConv.Data.Events;
using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// train --task events -> eval (tuned thresholds) -> detect -> sed-metrics on a tiny URBAN-SED-layout
/// set written here: 2 s clips at 8 kHz over faint noise, with tone events of two classes ("low" at
/// 500 Hz, "high" at 2.5 kHz) at seeded random times.
/// </summary>
public sealed class EventDetectionEndToEndTests : IDisposable
{
    private const int Rate = 8000;
    private const double ClipSeconds = 2.0;
    private static readonly string[] FrontEnd = ["--sample-rate", "8000", "--n-fft", "256", "--hop", "128", "--mels", "16"];
    private static readonly (string Label, double Hz)[] Classes = [("high", 2500), ("low", 500)];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ToneEventsTrainEvaluateAndDetectThroughTheCli()
    {
        string data = _temp.File("urbansed"), cache = _temp.File("cache"), run = _temp.File("run");
        var reference = new List<SoundEvent>();
        WriteSplit(data, "train", 48, seed: 1, reference);
        WriteSplit(data, "validate", 12, seed: 2, reference);
        var testEvents = new List<SoundEvent>();
        WriteSplit(data, "test", 12, seed: 3, testEvents);

        var train = CliHarness.Run(["train", "--task", "events", "--dataset", "urbansed", "--data", data, "--cache", cache,
            "--model", "crnn", "--conv", "compact", "--op", "max", "--r", "2", "--width", "0.25",
            "--epochs", "8", "--batch", "8", "--lr", "0.01", "--median-filter", "0.05", "--min-event", "0.05", "--min-gap", "0.05",
            "--out", run, .. FrontEnd]);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("validation event F1", train.Out);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "config.json")))!;
        Assert.Equal("events", (string?)config["task"]);
        Assert.Equal(0.05, (double)config["post_processing"]!["median_filter_seconds"]!, 9);

        var eval = CliHarness.Run("eval", "--checkpoint", run, "--cache", cache, "--best", "--tune-thresholds");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")))!;
        Assert.True((bool)metrics["post_processing"]!["thresholds_tuned_on_validation"]!);
        Assert.Equal(2, metrics["post_processing"]!["class_thresholds"]!.AsObject().Count);
        // Two pure tones far apart in frequency are easy: a working pipeline finds most of them.
        Assert.True((double)metrics["segment_based"]!["overall"]!["f_measure"]! > 0.6, metrics.ToJsonString());
        Assert.True((double)metrics["event_based_onset"]!["overall"]!["f_measure"]! > 0.4, metrics.ToJsonString());

        // The written estimate, scored by sed-metrics against the annotations, gives metrics.json's numbers.
        string referencePath = _temp.File("test_reference.tsv");
        EventListTsv.Write(referencePath, testEvents, Directory.GetFiles(Path.Combine(data, "audio", "test")).Select(Path.GetFileName).OfType<string>());
        var scored = CliHarness.Run("sed-metrics", "--reference", referencePath, "--estimate", Path.Combine(run, "test_estimate.tsv"));
        Assert.True(scored.ExitCode == 0, scored.Error);
        var fromCli = JsonNode.Parse(scored.Out)!;
        foreach (var block in new[] { "segment_based", "event_based", "event_based_onset" })
        {
            Assert.Equal((double)metrics[block]!["overall"]!["f_measure"]!, (double)fromCli[block]!["overall"]!["f_measure"]!, 2);
            Assert.Equal((double)metrics[block]!["overall"]!["error_rate"]!, (double)fromCli[block]!["overall"]!["error_rate"]!, 2);
        }

        string clip = Path.Combine(data, "audio", "test", "test-000.wav");
        var detect = CliHarness.Run("detect", "--checkpoint", run, "--best", clip);
        Assert.True(detect.ExitCode == 0, detect.Error);
        var lines = detect.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("filename\tonset\toffset\tevent_label", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("test-000.wav\t", line));
        var detected = lines.Skip(1).Select(l => l.Split('\t')).Where(f => f[1].Length > 0).ToList();
        Assert.All(detected, f => Assert.InRange(double.Parse(f[2], CultureInfo.InvariantCulture), 0, ClipSeconds + 0.02));
    }

    [Fact]
    public void ImpossibleEventOptionsAreUsageErrors()
    {
        string data = _temp.File("urbansed");
        WriteSplit(data, "train", 4, seed: 1, []);
        string[] common = ["train", "--task", "events", "--dataset", "urbansed", "--data", data, "--cache", _temp.File("cache"), "--out", _temp.File("run"), .. FrontEnd];

        var clipModel = CliHarness.Run([.. common, "--model", "dcase-baseline"]);
        Assert.Equal(2, clipModel.ExitCode);
        Assert.Contains("frame outputs", clipModel.Error);

        var threshold = CliHarness.Run([.. common, "--model", "crnn", "--threshold", "1.5"]);
        Assert.Equal(2, threshold.ExitCode);
        Assert.Contains("--threshold", threshold.Error);

        var fold = CliHarness.Run([.. common, "--model", "crnn", "--fold", "2"]);
        Assert.Equal(2, fold.ExitCode);
        Assert.Contains("--fold", fold.Error);

        var dataset = CliHarness.Run(["train", "--task", "events", "--dataset", "tau2019", "--data", data, "--model", "crnn", "--out", _temp.File("run2")]);
        Assert.Equal(2, dataset.ExitCode);
        Assert.Contains("urbansed", dataset.Error);
        Assert.False(Directory.Exists(_temp.File("run")) && Directory.EnumerateFiles(_temp.File("run"), "*", SearchOption.AllDirectories).Any());
    }

    // URBAN-SED layout: audio/SPLIT/NAME.wav and annotations/SPLIT/NAME.txt (onset, offset, label; no header).
    private static void WriteSplit(string root, string split, int count, int seed, List<SoundEvent> events)
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
                // One event per half of the clip, so events never overlap (the loader would merge same-label overlaps).
                double onset = Math.Round(e + random.NextDouble() * 0.4, 3), offset = Math.Round(onset + 0.3 + random.NextDouble() * 0.2, 3);
                for (int i = (int)(onset * Rate); i < (int)(offset * Rate); i++) samples[i] += 0.3f * (float)Math.Sin(2 * Math.PI * hz * i / Rate);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{onset}\t{offset}\t{label}"));
                events.Add(new SoundEvent(name + ".wav", onset, offset, label));
            }
            WavWriter.Write(Path.Combine(root, "audio", split, name + ".wav"), [samples], Rate);
            File.WriteAllLines(Path.Combine(root, "annotations", split, name + ".txt"), rows);
        }
    }
}
