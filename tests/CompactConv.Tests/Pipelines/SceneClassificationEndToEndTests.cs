using System.Text.Json;
using CompactConv.Tests.Audio.Synthesis;
using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// synth -> features -> train --task scenes -> eval -> predict on a tiny synthesised TAU-layout
/// set (8 kHz, 2 s clips, two scenes that differ in background and events).
/// </summary>
public class SceneClassificationEndToEndTests
{
    private static readonly string[] FrontEnd = ["--sample-rate", "8000", "--n-fft", "256", "--hop", "128", "--mels", "32"];

    [Fact]
    public void SynthesisedScenesTrainEvaluateAndPredictThroughTheCli()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 24;
        var specPath = fixture.WriteSpec();
        var data = fixture.Folder.File("tau");
        var cache = fixture.Folder.File("cache");
        var run = fixture.Folder.File("run");

        var synth = CliHarness.Run("synth", "--spec", specPath, "--out", data);
        Assert.True(synth.ExitCode == 0, synth.Error);

        var features = CliHarness.Run(["features", "--dataset", "tau2019", "--data", data, "--cache", cache, .. FrontEnd]);
        Assert.True(features.ExitCode == 0, features.Error);
        Assert.Matches(@"features: \d+ computed, 0 from cache, .*x real time", features.Out);

        var train = CliHarness.Run(["train", "--task", "scenes", "--dataset", "tau2019", "--data", data, "--cache", cache,
            "--model", "dcase-baseline", "--conv", "compact", "--op", "max", "--r", "2", "--width", "0.5",
            "--epochs", "2", "--batch", "8", "--crop-frames", "64", "--mixup", "0.2", "--time-masks", "1", "--freq-masks", "1",
            "--out", run, .. FrontEnd]);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("0 computed", train.Out); // every clip came from the cache filled above
        Assert.Contains("epoch 2", train.Out);

        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;
        Assert.Equal("scenes", config.GetProperty("task").GetString());
        Assert.Equal(32, config.GetProperty("features").GetProperty("n_mels").GetInt32());
        Assert.Equal(32, config.GetProperty("normalization").GetProperty("mean").GetArrayLength());

        var eval = CliHarness.Run("eval", "--checkpoint", run, "--cache", cache);
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json"))).RootElement;
        Assert.InRange(metrics.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.True(metrics.GetProperty("log_loss").GetDouble() > 0);
        Assert.Equal(2, metrics.GetProperty("class_names").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(run, "confusion.csv")));
        Assert.True(new FileInfo(Path.Combine(run, "confusion.png")).Length > 1000);

        var clip = Directory.GetFiles(Path.Combine(data, "audio"), "*.wav").Order().First();
        var predict = CliHarness.Run("predict", "--checkpoint", run, "--json", clip);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var prediction = JsonDocument.Parse(predict.Out).RootElement[0];
        double total = prediction.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble());
        Assert.Equal(1.0, total, 3);
        Assert.Contains(prediction.GetProperty("label").GetString(), new[] { "park", "street" });
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
