using CompactConv.Pipelines;
using CompactConv.Tests.Data;
using CompactConv.Training;

namespace CompactConv.Tests.Pipelines;

public class DemoTests
{
    private sealed class Recorder : IDemoObserver
    {
        public List<string> Runs { get; } = [];
        public string? Source { get; private set; }
        public void DataLoaded(string source, long trainCount, long testCount) => Source = source;
        public ITrainingObserver ForRun(string label)
        {
            Runs.Add(label);
            return NullTrainingObserver.Instance;
        }
    }

    [Fact]
    public void QuickDemoWritesTheResultsContractAndReusesFinishedRuns()
    {
        using var folder = new TempFolder();
        var data = folder.Folder("data");
        FakeMnist.WriteSeparable(data, 100, 50);
        var options = new DemoOptions { Quick = true, OutDir = folder.File("demo"), DataDir = data, Epochs = 6, BatchSize = 10 };

        var recorder = new Recorder();
        var results = Demo.Run(options, recorder);

        Assert.Contains(data, recorder.Source);
        Assert.Equal(["standard", "separable", "compact(max, r=2)", "compact(mean, r=2)"], recorder.Runs);
        var lines = File.ReadAllLines(Path.Combine(options.OutDir, "results.csv"));
        Assert.StartsWith("conv,op,r,width,params,macs,best_epoch,validation_accuracy,test_accuracy,ms_per_image", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("compact,max,2,1,", lines[3]);
        // Ten classes: chance is 10 %; the blocks are easy to tell apart, so every model is far above it.
        Assert.All(results, r => Assert.True(r.TestAccuracy > 0.5 && r.ValidationAccuracy > 0.5, $"{r}"));
        Assert.All(results, r => Assert.InRange(r.BestEpoch, 1, 6));
        Assert.All(results, r => Assert.True(r.MsPerImage > 0));
        Assert.True(results[2].Params < results[1].Params && results[1].Params < results[0].Params);
        var report = File.ReadAllText(Path.Combine(options.OutDir, "report.md"));
        Assert.Contains("| compact | max | 2 |", report);

        // A second run finds every configuration finished and reports the same accuracies.
        var again = Demo.Run(options, new Recorder());
        Assert.Equal(results.Select(r => (r.TestAccuracy, r.ValidationAccuracy)), again.Select(r => (r.TestAccuracy, r.ValidationAccuracy)));
        // The demo's runs chose on validation data held out of the training split (10 %).
        Assert.Contains("90 train / 10 validation", recorder.Source);
    }
}
