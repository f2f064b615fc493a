using System.Globalization;
using System.Text.Json.Nodes;
using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Pipelines;

/// <summary>train --task events -> eval (tuned thresholds) -> detect on the shared <see cref="ToneEventRun"/>.</summary>
[Collection(ToneEventRunCollection.Name)]
public sealed class EventDetectionEndToEndTests(ToneEventRun tone) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ToneEventsTrainEvaluateAndDetectThroughTheCli()
    {
        Assert.True(tone.Train.ExitCode == 0, tone.Train.Error);
        Assert.Contains("validation event F1", tone.Train.Out);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(tone.Run, "config.json")))!;
        Assert.Equal("events", (string?)config["task"]);
        Assert.Equal(0.05, (double)config["post_processing"]!["median_filter_seconds"]!, 9);

        var eval = CliHarness.Run("eval", "--checkpoint", tone.Run, "--cache", tone.Cache, "--best", "--tune-thresholds");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(tone.Run, "metrics.json")))!;
        Assert.True((bool)metrics["post_processing"]!["thresholds_tuned_on_validation"]!);
        Assert.Equal(2, metrics["post_processing"]!["class_thresholds"]!.AsObject().Count);
        // Two pure tones far apart in frequency are easy: a working pipeline finds most of them.
        Assert.True((double)metrics["segment_based"]!["overall"]!["f_measure"]! > 0.6, metrics.ToJsonString());
        Assert.True((double)metrics["event_based_onset"]!["overall"]!["f_measure"]! > 0.4, metrics.ToJsonString());

        string clip = Path.Combine(tone.Data, "audio", "test", "test-000.wav");
        var detect = CliHarness.Run("detect", "--checkpoint", tone.Run, "--best", clip);
        Assert.True(detect.ExitCode == 0, detect.Error);
        var lines = detect.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("filename\tonset\toffset\tevent_label", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("test-000.wav\t", line));
        var detected = lines.Skip(1).Select(l => l.Split('\t')).Where(f => f[1].Length > 0).ToList();
        Assert.All(detected, f => Assert.InRange(double.Parse(f[2], CultureInfo.InvariantCulture), 0, ToneEventRun.ClipSeconds + 0.02));
    }

    [Fact]
    public void ImpossibleEventOptionsAreUsageErrors()
    {
        string data = _temp.File("urbansed");
        ToneEventRun.WriteSplit(data, "train", 4, seed: 1, []);
        string[] common = ["train", "--task", "events", "--dataset", "urbansed", "--data", data, "--cache", _temp.File("cache"), "--out", _temp.File("run"), .. ToneEventRun.FrontEnd];

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
}
