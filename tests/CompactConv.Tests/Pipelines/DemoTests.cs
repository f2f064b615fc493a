using CompactConv.Benchmarks;
using CompactConv.Pipelines;
using CompactConv.Tests.Data;
using CompactConv.Training;

namespace CompactConv.Tests.Pipelines;

public class DemoTests
{
    private sealed class Recorder : IDemoObserver
    {
        public List<string> Runs { get; } = [];
        public List<string> Notes { get; } = [];
        // Training runs and timing rounds in the order they happened.
        public List<string> Events { get; } = [];
        public string? Source { get; private set; }
        public void DataLoaded(string source, long trainCount, long testCount) => Source = source;
        public ITrainingObserver ForRun(string label)
        {
            Runs.Add(label);
            Events.Add($"train {label}");
            return NullTrainingObserver.Instance;
        }
        public void TimingRound(int done, int total) => Events.Add($"timing {done}/{total}");
        public void Note(string line) => Notes.Add(line);
    }

    [Fact]
    public void QuickDemoWritesTheResultsContractAndReusesFinishedRuns()
    {
        using var folder = new TempFolder();
        var data = folder.Folder("data");
        FakeMnist.WriteSeparable(data, 100, 50);
        var options = new DemoOptions
        {
            Quick = true, OutDir = folder.File("demo"), DataDir = data, Epochs = 6, BatchSize = 10,
            InferenceTiming = new InferenceTimingOptions { BatchSize = 8, Rounds = 3, WarmupRounds = 1 },
        };

        var recorder = new Recorder();
        var results = Demo.Run(options, recorder);

        Assert.Contains(data, recorder.Source);
        Assert.Equal(["standard", "separable", "compact(max, r=2)", "compact(mean, r=2)"], recorder.Runs);
        // Every model is timed after all are trained, in the same rounds.
        Assert.Equal([.. recorder.Runs.Select(r => $"train {r}"), "timing 1/4", "timing 2/4", "timing 3/4", "timing 4/4"], recorder.Events);
        Assert.StartsWith("machine: ", recorder.Notes[0]);
        Assert.Contains("3 rounds after 1 warm-up", recorder.Notes[0]);
        var lines = File.ReadAllLines(Path.Combine(options.OutDir, "results.csv"));
        Assert.Equal("conv,op,r,width,params,macs,best_epoch,validation_accuracy,test_accuracy,ms_per_image_median,ms_per_image_p10,ms_per_image_p90,"
            + "time_vs_standard_median,time_vs_standard_p10,time_vs_standard_p90,train_seconds,train_images_per_second,epochs", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("compact,max,2,1,", lines[3]);
        // The standard row is its own reference in every round.
        int ratioColumn = Array.IndexOf(lines[0].Split(','), "time_vs_standard_median");
        Assert.Equal(["1", "1", "1"], lines[1].Split(',')[ratioColumn..(ratioColumn + 3)]);
        // Ten classes: chance is 10 %; the blocks are easy to tell apart, so every model is far above it.
        Assert.All(results, r => Assert.True(r.TestAccuracy > 0.5 && r.ValidationAccuracy > 0.5, $"{r}"));
        Assert.All(results, r => Assert.InRange(r.BestEpoch, 1, 6));
        Assert.All(results, r => Assert.True(r.MsPerImage.Count == 3 && r.MsPerImage.P10 > 0 && r.MsPerImage.P10 <= r.MsPerImage.P90, $"{r}"));
        Assert.Equal(new Spread(3, 1, 1, 1, 1, 1), results[0].TimeVsStandard);
        Assert.True(results[2].Params < results[1].Params && results[1].Params < results[0].Params);
        var report = File.ReadAllText(Path.Combine(options.OutDir, "report.md"));
        Assert.Contains("| compact | max | 2 |", report);
        Assert.Contains("same 3 interleaved rounds after 1 warm-up round(s)", report);
        Assert.Contains($"- {recorder.Notes[0]}", report);

        // A second run finds every configuration finished, reports the same accuracies and keeps the
        // first run's results and report under their write time instead of replacing them.
        string firstCsv = File.ReadAllText(Path.Combine(options.OutDir, "results.csv"));
        var again = new Recorder();
        var secondResults = Demo.Run(options, again);
        Assert.Equal(results.Select(r => (r.TestAccuracy, r.ValidationAccuracy)), secondResults.Select(r => (r.TestAccuracy, r.ValidationAccuracy)));
        var kept = Directory.GetFiles(options.OutDir, "results-*.csv");
        Assert.Equal(firstCsv, File.ReadAllText(Assert.Single(kept)));
        Assert.Single(Directory.GetFiles(options.OutDir, "report-*.md"));
        Assert.Contains($"kept earlier results.csv as {Path.GetFileName(kept[0])}", again.Notes);
        Assert.Matches(@"^results-\d{8}T\d{6}Z\.csv$", Path.GetFileName(kept[0]));
        // The demo's runs chose on validation data held out of the training split (10 %).
        Assert.Contains("90 train / 10 validation", recorder.Source);
    }
}
