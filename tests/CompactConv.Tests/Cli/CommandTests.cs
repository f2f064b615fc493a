using System.Globalization;
using System.Text.Json;
using CompactConv.Complexity;
using CompactConv.Models;
using CompactConv.Tests.Data;

namespace CompactConv.Tests.Cli;

public class CommandTests
{
    [Fact]
    public void SummaryEndsWithParamsAndMacsOfTheModel()
    {
        var result = CliHarness.Run("summary", "--model", "smallcnn", "--conv", "compact", "--op", "mean", "--r", "2", "--input", "1x28x28");
        Assert.Equal(0, result.ExitCode);
        var last = result.Out.TrimEnd().Split('\n')[^1];
        using var model = ModelRegistry.Create(new ModelSpec { Name = "smallcnn", Conv = CompactConv.Layers.ConvKind.Compact, ConvOptions = CompactConv.Layers.ConvOptions.Default with { Op = CompactConv.Layers.ChannelPoolOp.Mean }, InputShape = [1, 28, 28], NumClasses = 10 });
        var cost = ModelCost.Measure(model, [1, 28, 28]);
        Assert.Equal($"params={cost.Parameters} macs={cost.Macs}", last);
        Assert.Matches(@"^params=\d+ macs=\d+$", last);
    }

    [Fact]
    public void TrainThenEvalNeedsNoModelFlagsAndWritesMetrics()
    {
        using var folder = new TempFolder();
        var data = folder.Folder("data");
        FakeMnist.Write(data, 40, 20);
        var run = folder.File("run");
        var train = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--model", "smallcnn", "--conv", "compact",
            "--op", "max", "--r", "2", "--width", "0.25", "--epochs", "2", "--batch", "16", "--out", run);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("data:", train.Out);
        Assert.Contains("epoch 2", train.Out);

        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;
        Assert.Equal("compact", config.GetProperty("model").GetProperty("conv").GetString());
        var convOptions = config.GetProperty("model").GetProperty("conv_options");
        Assert.Equal("max", convOptions.GetProperty("op").GetString());
        Assert.Equal(2, convOptions.GetProperty("r").GetInt32());
        Assert.False(config.GetProperty("model").TryGetProperty("r", out _), "r is written once, inside conv_options");
        Assert.Equal(10, config.GetProperty("class_names").GetArrayLength());

        var eval = CliHarness.Run("eval", "--checkpoint", run);
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains("accuracy", eval.Out);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json"))).RootElement;
        Assert.Equal(20, metrics.GetProperty("samples").GetInt32());
        // Accuracy and class-wise accuracy are the confusion matrix's diagonal over all and over each row.
        var confusion = metrics.GetProperty("confusion_matrix").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        Assert.Equal(10, confusion.Length);
        Assert.Equal(20, confusion.Sum(row => row.Sum()));
        double accuracy = metrics.GetProperty("accuracy").GetDouble();
        Assert.Equal(Enumerable.Range(0, 10).Sum(c => confusion[c][c]) / 20.0, accuracy, 12);
        var classWise = metrics.GetProperty("class_wise_accuracy").EnumerateArray().Select(c => c.GetProperty("accuracy").GetDouble()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(c => (double)confusion[c][c] / confusion[c].Sum()), classWise);
        // The printed class list is a table of the same figures, one whole row per class; MNIST's class
        // names are digits, so both columns are right-aligned.
        var printed = eval.Out.ReplaceLineEndings("\n").Split('\n');
        int heading = Array.IndexOf(printed, "class  accuracy");
        Assert.True(heading > 0, eval.Out);
        for (int c = 0; c < 10; c++)
            Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c,5}  {classWise[c],8:F4}"), printed[heading + 2 + c]);
        // An image run of a compact model: op and r apply, the audio-only device-wise accuracy does not.
        Assert.Equal("max", metrics.GetProperty("op").GetString());
        Assert.Equal(2, metrics.GetProperty("r").GetInt32());
        Assert.False(metrics.TryGetProperty("device_wise_accuracy", out _));

        // Image runs read no feature cache, so naming one is a mistake, refused before metrics.json is touched.
        var written = File.GetLastWriteTimeUtc(Path.Combine(run, "metrics.json"));
        var cached = CliHarness.Run("eval", "--checkpoint", run, "--cache", folder.File("cache"));
        Assert.Equal(2, cached.ExitCode);
        Assert.Equal(["error: --cache applies to scenes or events runs only, not this image run"], cached.ErrorLines);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(run, "metrics.json")));

        // Resuming a finished run is a no-op that keeps its result.
        var resumed = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--model", "smallcnn", "--conv", "compact",
            "--width", "0.25", "--epochs", "2", "--batch", "16", "--out", run, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("already done", resumed.Out);

        // Resuming with another model (and, by default, another batch size) is a usage error naming both,
        // refused without touching the run.
        string savedConfig = File.ReadAllText(Path.Combine(run, "config.json"));
        var other = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--conv", "standard", "--width", "0.25",
            "--epochs", "2", "--out", run, "--resume");
        Assert.Equal(2, other.ExitCode);
        Assert.StartsWith($"error: --resume: the run in {run} was trained with conv=compact, batch_size=16; these options ask for conv=standard, batch_size=128",
            Assert.Single(other.ErrorLines));
        Assert.Equal(savedConfig, File.ReadAllText(Path.Combine(run, "config.json")));
    }

    private static readonly string[] TinyBench = ["bench", "layers", "--in", "8", "--out", "8", "--size", "8x8", "--batch", "2", "--rounds", "2", "--warmup", "1"];

    [Fact]
    public void BenchLayersWritesTheCsvContract()
    {
        using var folder = new TempFolder();
        var csv = folder.File("bench.csv");
        var result = CliHarness.Run([.. TinyBench, "--csv", csv]);
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("kind,op,r,params,macs,infer_ms_median,infer_ms_p10,infer_ms_p90,infer_ratio_median,infer_ratio_p10,infer_ratio_p90,"
            + "train_ms_median,train_ms_p10,train_ms_p90,train_ratio_median,train_ratio_p10,train_ratio_p90,rounds", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("standard,,1,", lines[1]);
        Assert.StartsWith("separable,,1,", lines[2]);
        // Separable against itself: 1 in every round, so median, p10 and p90 of both ratios are 1.
        var separable = lines[2].Split(',');
        Assert.Equal(["1.0000", "1.0000", "1.0000"], separable[8..11]);
        Assert.Equal(["1.0000", "1.0000", "1.0000"], separable[14..17]);
        Assert.StartsWith("compact,max,2,", lines[3]);
        Assert.StartsWith("compact,mean,2,", lines[4]);
        Assert.StartsWith("squeeze,,2,", lines[5]);
        foreach (var line in lines[1..])
        {
            var cells = line.Split(',');
            Assert.Equal("2", cells[^1]);
            // Each statistic triple is median, p10, p90: p10 <= median <= p90.
            for (int first = 5; first < 17; first += 3)
            {
                double median = double.Parse(cells[first], CultureInfo.InvariantCulture);
                Assert.InRange(median, double.Parse(cells[first + 1], CultureInfo.InvariantCulture), double.Parse(cells[first + 2], CultureInfo.InvariantCulture));
            }
        }
        Assert.Matches(@"machine: \d+ cores, \d+ thread\(s\), allocator tuning (on|off), 2 rounds after 1 warm-up, load average", result.Out);
        Assert.Contains("each cell: median [p10-p90]", result.Out);
        Assert.Contains($"wrote {csv}", result.Out);
    }

    [Fact]
    public void BenchLayersRefusesToReplaceAnEarlierCsvUnlessForced()
    {
        using var folder = new TempFolder();
        var csv = folder.File("bench.csv");
        File.WriteAllText(csv, "earlier measurements");

        var refused = CliHarness.Run([.. TinyBench, "--csv", csv]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal([$"error: --csv: {csv} already exists (earlier measurements); pass --force to replace it or choose another file"], refused.ErrorLines);
        // Refused before measuring anything.
        Assert.DoesNotContain("round ", refused.Out);
        Assert.Equal("earlier measurements", File.ReadAllText(csv));

        var forced = CliHarness.Run([.. TinyBench, "--csv", csv, "--force"]);

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.StartsWith("kind,op,r,", File.ReadAllText(csv));
    }
}
