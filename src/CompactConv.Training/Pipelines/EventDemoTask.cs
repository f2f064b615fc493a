using System.Globalization;
using CompactConv.Events;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// The event demo: crnn runs through <see cref="EventDetection"/>, the best epoch chosen on the
/// validation split's event-based F1, segment-based and event-based F1 of that epoch on the test split.
/// Loads the soundscapes (URBAN-SED layout) that <paramref name="request"/> names.
/// </summary>
internal sealed class EventDemoTask(AudioDemoRecipe recipe, AudioDataRequest request) : IAudioDemoTask
{
    // The test clips are loaded to report their number; training is given only the training and validation splits.
    private readonly EventTaskData data = EventTaskData.Load(request with { IncludeTest = true });

    private PostProcessingOptions PostProcessing => recipe.PostProcessing ?? EventDetection.DefaultPostProcessing;

    public AudioDemoSplits Splits => new(data.Source, data.Train.Count, data.Validation.Count, data.Test.Count);

    public IEnumerable<string> Notes =>
    [
        "Selection: best.model is the epoch of highest validation event-based F1 (onset and offset); the F1 columns are that epoch's on the test split (sed_eval definitions: 1 s segments, 200 ms collar)",
        string.Create(CultureInfo.InvariantCulture,
            $"Post-processing: threshold {PostProcessing.Threshold}, median filter {PostProcessing.MedianFilterSeconds} s, events of at least {PostProcessing.MinEventSeconds} s, gaps under {PostProcessing.MinGapSeconds} s merged"),
    ];

    public RunConfig CreateConfig(DemoConfiguration configuration) =>
        EventDetection.CreateConfig(request, data, (shape, classes) => recipe.ModelSpec(configuration, shape, classes), recipe.Training, PostProcessing);

    public DemoRow Run(RunConfig config, string runFolder, bool resume, ITrainingObserver observer, StopToken? stop, TorchSharp.torch.Device device)
    {
        var result = EventDetection.Train(config, runFolder, data, resume, observer, stop, device);
        DemoRuns.ThrowIfStopped(result.Stop, runFolder);
        var test = EventDetection.Evaluate(new EvaluationRequest { RunFolder = runFolder, CacheDir = request.CacheDir, Best = true, Device = device }).Metrics;
        return AudioDemo.Row(config, result.History.Sum(h => h.Seconds),
        [
            new("best_epoch", result.BestEpoch, "best epoch", DemoFigureFormat.Integer),
            new("validation_event_f1", result.BestScore, "validation event F1", DemoFigureFormat.Percent),
            new("test_segment_f1", test.SegmentBased.Overall.FMeasure, "test segment F1", DemoFigureFormat.Percent),
            new("test_event_f1", test.EventBased.Overall.FMeasure, "test event F1", DemoFigureFormat.Percent),
        ]);
    }

    public void Dispose() => data.Dispose();
}
