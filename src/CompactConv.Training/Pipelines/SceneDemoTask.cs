using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// The scene demo: dcase-baseline runs through <see cref="SceneClassification"/>, the best epoch chosen
/// on the validation split's accuracy, test accuracy of that epoch. Loads the soundscapes (TAU layout)
/// that <paramref name="request"/> names.
/// </summary>
internal sealed class SceneDemoTask(AudioDemoRecipe recipe, AudioDataRequest request) : IAudioDemoTask
{
    // The test clips are loaded to report their number; training is given only the training and validation splits.
    private readonly SceneTaskData data = SceneTaskData.Load(request with { IncludeTest = true });

    public AudioDemoSplits Splits => new(data.Source, data.Train.Count, data.Validation?.Count ?? 0, data.Test?.Count ?? 0);

    public IEnumerable<string> Notes =>
    [
        "Selection: best.model is the epoch of highest validation accuracy; accuracy is that epoch's on the test split",
    ];

    public RunConfig CreateConfig(DemoConfiguration configuration) =>
        SceneClassification.CreateConfig(request, data, (shape, classes) => recipe.ModelSpec(configuration, shape, classes), recipe.Training);

    public DemoRow Run(RunConfig config, string runFolder, bool resume, ITrainingObserver observer, StopToken? stop, TorchSharp.torch.Device device)
    {
        var result = SceneClassification.Train(config, runFolder, data, resume, observer, stop, device);
        DemoRuns.ThrowIfStopped(result.Stop, runFolder);
        var test = SceneClassification.Evaluate(new EvaluationRequest { RunFolder = runFolder, CacheDir = request.CacheDir, Best = true, Device = device }).Metrics;
        return AudioDemo.Row(config, result.History.Sum(h => h.Seconds),
        [
            new("best_epoch", result.BestEpoch, "best epoch", DemoFigureFormat.Integer),
            new("validation_accuracy", result.BestValidationAccuracy, "validation accuracy", DemoFigureFormat.Percent),
            new("test_accuracy", test.Accuracy, "test accuracy", DemoFigureFormat.Percent),
        ]);
    }

    public void Dispose() => data.Dispose();
}
