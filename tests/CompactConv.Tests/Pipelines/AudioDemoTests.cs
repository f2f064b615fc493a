using CompactConv.Audio.Features;
using CompactConv.Pipelines;
using CompactConv.Training;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// compactconv demo --task scenes|events in quick mode, shrunk through the options' overrides to a few
/// seconds on <see cref="AudioDemoSamples"/>, whose classes are separable on purpose.
/// </summary>
public sealed class AudioDemoTests : IDisposable
{
    private static readonly LogMelOptions FrontEnd = new() { SampleRate = 8000, NFft = 256, HopLength = 128, NMels = 16 };

    private readonly AudioDemoSamples samples = new();
    private readonly TempFolder output = new();

    public void Dispose()
    {
        samples.Dispose();
        output.Dispose();
    }

    private AudioDemoOptions Options(AudioDemoTask task) => new()
    {
        Task = task,
        Quick = true,
        OutDir = output.File(task.ToString()),
        SamplesDir = samples.Dir,
        Soundscapes = 48,
        Epochs = 6,
        Features = FrontEnd,
        BatchSize = 8,
        Width = task == AudioDemoTask.Scenes ? 0.5 : 0.25,
    };

    private sealed class Recorder : IDemoObserver, ITrainingObserver
    {
        public List<string> Runs { get; } = [];
        public List<string> Notes { get; } = [];
        public int EpochsTrained { get; private set; }
        public string? Source { get; private set; }

        public void DataLoaded(string source, long trainCount, long testCount) => Source = source;
        public ITrainingObserver ForRun(string label)
        {
            Runs.Add(label);
            return this;
        }
        public void Note(string line) => Notes.Add(line);
        public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) { }
        public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss) { }
        public void EpochCompleted(EpochRecord record) => EpochsTrained++;
        public void EventEpochCompleted(EventEpochRecord record) => EpochsTrained++;
    }

    [Fact]
    public void QuickSceneDemoSelectsOnValidationWritesTheResultsAndReusesWhatIsDone()
    {
        var options = Options(AudioDemoTask.Scenes);
        var recorder = new Recorder();

        var rows = AudioDemo.Run(options, recorder);

        Assert.Equal(["standard", "compact(max, r=2)"], recorder.Runs);
        Assert.Contains("soundscapes: synthesised 48 into", string.Join("\n", recorder.Notes));
        Assert.Contains("24 train / 12 validation / 12 test clips", recorder.Source);
        Assert.Equal(12, recorder.EpochsTrained);
        var lines = File.ReadAllLines(Path.Combine(options.OutDir, "results.csv"));
        Assert.Equal("conv,op,r,width,params,macs,best_epoch,validation_accuracy,test_accuracy,train_seconds,epochs", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("standard,,1,0.5,", lines[1]);
        Assert.StartsWith("compact,max,2,0.5,", lines[2]);
        Assert.True(rows[1].Params < rows[0].Params && rows[1].Macs < rows[0].Macs);
        // Two scenes with different backgrounds (chance: 50 %): the baseline gets nearly every test clip.
        Assert.True(rows[0]["test_accuracy"] >= 0.9, $"standard test accuracy {rows[0]["test_accuracy"]}");
        Assert.True(rows[1]["test_accuracy"] >= 0.75, $"compact test accuracy {rows[1]["test_accuracy"]}");
        Assert.All(rows, r => Assert.InRange(r["best_epoch"], 1, 6));
        // The reported validation accuracy is the selected epoch's, from log.csv's evaluation column.
        var log = File.ReadAllLines(Path.Combine(options.OutDir, "standard-w0.5", "log.csv"));
        Assert.Contains(rows[0]["validation_accuracy"].ToString("R", System.Globalization.CultureInfo.InvariantCulture), log[(int)rows[0]["best_epoch"]]);
        var report = File.ReadAllText(Path.Combine(options.OutDir, "report.md"));
        Assert.Contains("| conv | op | r | width | params | params vs standard | MACs | MACs vs standard | best epoch | validation accuracy | test accuracy |", report);
        Assert.Contains("| standard |  | 1 | 0.5 |", report);
        Assert.Contains("validation accuracy", report);
        Assert.True(File.Exists(Path.Combine(options.OutDir, "compact-max-r2-w0.5", "metrics.json")));

        // Everything is done: the same call trains nothing and reports the same figures.
        var again = new Recorder();
        var reused = AudioDemo.Run(options, again);
        Assert.Equal(0, again.EpochsTrained);
        Assert.Contains("soundscapes: reusing the 48 in", string.Join("\n", again.Notes));
        Assert.Equal(rows.Select(r => r["test_accuracy"]), reused.Select(r => r["test_accuracy"]));

        // A run folder removed is trained again; the other run is reused.
        Directory.Delete(Path.Combine(options.OutDir, "compact-max-r2-w0.5"), recursive: true);
        var partly = new Recorder();
        var redone = AudioDemo.Run(options, partly);
        Assert.Equal(6, partly.EpochsTrained);
        Assert.Equal(rows.Select(r => r["test_accuracy"]), redone.Select(r => r["test_accuracy"]));
    }

    [Fact]
    public void QuickEventDemoFindsSeparableToneEvents()
    {
        var options = Options(AudioDemoTask.Events) with { Soundscapes = 64, Epochs = 8 };
        var recorder = new Recorder();

        var rows = AudioDemo.Run(options, recorder);

        Assert.Equal(["standard", "compact(max, r=2)"], recorder.Runs);
        var lines = File.ReadAllLines(Path.Combine(options.OutDir, "results.csv"));
        Assert.Equal("conv,op,r,width,params,macs,best_epoch,validation_event_f1,test_segment_f1,test_event_f1,train_seconds,epochs", lines[0]);
        Assert.Equal(3, lines.Length);
        // Pure tones far apart in frequency over quiet backgrounds: a working pipeline finds most of them.
        Assert.True(rows[0]["test_segment_f1"] > 0.6, $"standard segment F1 {rows[0]["test_segment_f1"]}");
        Assert.True(rows[0]["test_event_f1"] > 0.3, $"standard event F1 {rows[0]["test_event_f1"]}");
        Assert.True(rows[0]["validation_event_f1"] > 0.3, $"standard validation event F1 {rows[0]["validation_event_f1"]}");
        Assert.True(File.Exists(Path.Combine(options.OutDir, "standard-w0.25", "test_estimate.tsv")));
        Assert.Contains("| best epoch | validation event F1 | test segment F1 | test event F1 |", File.ReadAllText(Path.Combine(options.OutDir, "report.md")));
    }

    [Fact]
    public void RunsOnSoundscapesFromOtherSamplesAreKeptAndTheDemoRefused()
    {
        var options = Options(AudioDemoTask.Scenes) with { Epochs = 1 };
        AudioDemo.Run(options, new Recorder());
        string results = File.ReadAllText(Path.Combine(options.OutDir, "results.csv"));
        File.AppendAllText(Path.Combine(samples.Dir, "events", "low", "low0.wav"), "x");

        var error = Assert.Throws<DataException>(() => AudioDemo.Run(options, new Recorder()));

        Assert.Equal(options.OutDir, error.Path);
        Assert.Contains("remove it or choose another AudioDemoOptions.OutDir", error.Message);
        Assert.Equal(results, File.ReadAllText(Path.Combine(options.OutDir, "results.csv")));
        Assert.True(File.Exists(Path.Combine(options.OutDir, "soundscapes", "synth_report.json")));
    }

    [Fact]
    public void ASpecWithoutAValidationSplitIsRefusedBeforeAnyTraining()
    {
        string spec = Path.Combine(samples.Dir, "scenes-demo.json");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("\"validate_fraction\": 0.25", "\"validate_fraction\": 0"));
        var recorder = new Recorder();

        var error = Assert.Throws<DataException>(() => AudioDemo.Run(Options(AudioDemoTask.Scenes), recorder));

        Assert.Equal(spec, error.Path);
        Assert.Contains("validation split", error.Message);
        Assert.Empty(recorder.Runs);
    }

    [Fact]
    public void ASampleFolderWithoutTheSpecIsNamed()
    {
        File.Delete(Path.Combine(samples.Dir, "events-demo.json"));

        var error = Assert.Throws<DataException>(() => AudioDemo.Run(Options(AudioDemoTask.Events), new Recorder()));

        Assert.Equal(Path.Combine(samples.Dir, "events-demo.json"), error.Path);
        Assert.False(Directory.Exists(Options(AudioDemoTask.Events).OutDir));
    }
}
