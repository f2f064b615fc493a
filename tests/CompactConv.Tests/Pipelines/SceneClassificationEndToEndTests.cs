using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CompactConv.Tests.Audio.Synthesis;
using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// synth -> features -> train --task scenes -> eval -> predict on a tiny synthesised TAU-layout
/// set (8 kHz, 2 s clips, two scenes told apart by their events).
/// </summary>
public class SceneClassificationEndToEndTests
{
    private static readonly string[] FrontEnd = ["--sample-rate", "8000", "--n-fft", "256", "--hop", "128", "--mels", "32"];

    [Fact]
    public void SynthesisedScenesTrainEvaluateAndPredictThroughTheCli()
    {
        using var fixture = new SynthFixture();
        // 56 training clips: with fewer, or with mixup and SpecAugment on, eight epochs did not always
        // get past chance on every seed tried.
        fixture.Spec["count"] = 80;
        // One event class per scene (500 Hz beeps in the park, 2.6 kHz whistles in the street) over
        // the same kind of noise: the events alone tell the scenes apart.
        fixture.Scene(0)["events"]!["labels"] = new JsonArray("beep");
        fixture.Scene(1)["events"]!["labels"] = new JsonArray("whistle");
        fixture.Scene(1)["events"]!.AsObject().Remove("label_weights");
        var specPath = fixture.WriteSpec();
        var data = fixture.Folder.File("tau");
        var cache = fixture.Folder.File("cache");
        var run = fixture.Folder.File("run");

        var synth = CliHarness.Run("synth", "--spec", specPath, "--out", data);
        Assert.True(synth.ExitCode == 0, synth.Error);

        var features = CliHarness.Run(["features", "--dataset", "tau2019", "--data", data, "--cache", cache, .. FrontEnd]);
        Assert.True(features.ExitCode == 0, features.Error);
        Assert.Matches($@"features: 80 computed, 0 from cache in {Regex.Escape(cache)}; .* \([0-9.]+ clips/s, \d+x real time\)", features.Out);

        var train = CliHarness.Run(["train", "--task", "scenes", "--dataset", "tau2019", "--data", data, "--cache", cache,
            "--model", "dcase-baseline", "--conv", "compact", "--op", "max", "--r", "2", "--width", "0.5",
            "--epochs", "8", "--batch", "8", "--lr", "0.01", "--crop-frames", "64", "--out", run, .. FrontEnd]);
        Assert.True(train.ExitCode == 0, train.Error);
        // Every clip of training and validation came from the cache filled above.
        Assert.Matches($@"features: 0 computed, \d+ from cache in {Regex.Escape(cache)}; checked in", train.Out);
        Assert.Contains("epoch 8", train.Out);
        Assert.Matches(@"epoch 1: .* \([0-9]+ clips/s\)", train.Out);
        Assert.DoesNotContain("img/s", train.Out);

        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;
        Assert.Equal("scenes", config.GetProperty("task").GetString());
        Assert.Equal(32, config.GetProperty("features").GetProperty("n_mels").GetInt32());
        Assert.Equal(32, config.GetProperty("normalization").GetProperty("mean").GetArrayLength());
        Assert.Equal(Path.GetFullPath(cache), config.GetProperty("feature_cache_dir").GetString());

        // Without --cache, eval reads the cache the run was trained with: the test clips are there too.
        var eval = CliHarness.Run("eval", "--checkpoint", run);
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains($"features: 0 computed, 80 from cache in {cache}; ", eval.Out);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json"))).RootElement;
        double accuracy = metrics.GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy} on two separable scenes");
        Assert.True(metrics.GetProperty("log_loss").GetDouble() > 0);
        Assert.Equal(2, metrics.GetProperty("class_names").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, metrics.GetProperty("device_wise_accuracy").ValueKind);
        Assert.Equal("max", metrics.GetProperty("op").GetString());
        Assert.Equal("true_class,park,street", File.ReadLines(Path.Combine(run, "confusion.csv")).First());

        // --cache names another folder, which this eval fills with the clips it reads.
        var other = fixture.Folder.File("other-cache");
        var elsewhere = CliHarness.Run("eval", "--checkpoint", run, "--cache", other);
        Assert.True(elsewhere.ExitCode == 0, elsewhere.Error);
        Assert.Contains($"features: 80 computed, 0 from cache in {other}; ", elsewhere.Out);

        // predict averages crops as eval does, so its labels of the test clips score eval's accuracy.
        var testList = File.ReadLines(Path.Combine(data, "evaluation_setup", "fold1_evaluate.csv")).Skip(1)
            .Select(line => line.Split('\t')).ToDictionary(f => Path.Combine(data, f[0]), f => f[1]);
        var predict = CliHarness.Run(["predict", "--checkpoint", run, "--json", .. testList.Keys]);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var predictions = JsonDocument.Parse(predict.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(testList.Keys, predictions.Select(p => p.GetProperty("file").GetString()));
        Assert.All(predictions, p => Assert.Equal(1.0, p.GetProperty("probabilities").EnumerateObject().Sum(o => o.Value.GetDouble()), 3));
        int correct = predictions.Count(p => p.GetProperty("label").GetString() == testList[p.GetProperty("file").GetString()!]);
        Assert.Equal(accuracy, (double)correct / predictions.Count, 6);
    }

    [Fact]
    public void MissingAudioIsReportedWithItsNameUnlessSkipped()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 12;
        var data = fixture.Folder.File("tau");
        Assert.Equal(0, CliHarness.Run("synth", "--spec", fixture.WriteSpec(), "--out", data).ExitCode);
        var victim = Directory.GetFiles(Path.Combine(data, "audio"), "*.wav").Order().First();
        File.WriteAllBytes(victim, [1, 2, 3, 4]);
        string[] args = ["features", "--dataset", "tau2019", "--data", data, "--cache", fixture.Folder.File("cache"), .. FrontEnd];

        var failed = CliHarness.Run(args);
        Assert.Equal(1, failed.ExitCode);
        Assert.Single(failed.ErrorLines);
        Assert.Contains(victim, failed.ErrorLines[0]);
        Assert.Contains("--skip-bad", failed.ErrorLines[0]);

        var skipped = CliHarness.Run([.. args, "--skip-bad"]);
        Assert.True(skipped.ExitCode == 0, skipped.Error);
        Assert.Contains(Path.GetFileName(victim), skipped.Out);
    }
}
