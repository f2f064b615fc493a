using CompactConv.Audio;
using CompactConv.Audio.Features;
using CompactConv.Metrics;
using CompactConv.Models;
using CompactConv.Reports;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>One file's prediction.</summary>
public sealed record ScenePrediction(string File, string Label, IReadOnlyDictionary<string, double> Probabilities);

/// <summary>
/// Acoustic scene classification: dataset layout -> audio -> cached log-mel features -> model
/// from the registry -> trainer (crops, SpecAugment, mixup) -> clip-level metrics.
/// </summary>
public static class SceneClassification
{
    /// <summary>The data request a saved run config describes (with an optional other data folder).</summary>
    public static SceneDataRequest RequestFor(RunConfig config, string? dataDir, string? cacheDir) => new()
    {
        Dataset = config.Dataset,
        DataDir = dataDir ?? config.DataDir ?? throw new DataException("config.json", "the run names no data folder; pass --data"),
        Fold = config.Fold,
        SkipBad = config.SkipBad,
        Features = config.Features ?? new LogMelOptions(),
        CacheDir = cacheDir,
        Seed = config.Training.Seed,
    };

    /// <summary>Builds a run config for training on <paramref name="data"/>.</summary>
    public static RunConfig CreateConfig(SceneDataRequest request, SceneTaskData data, Func<int[], int, ModelSpec> buildSpec, TrainingOptions training) => new()
    {
        Task = "scenes",
        Dataset = request.Dataset,
        DataDir = Path.GetFullPath(request.DataDir),
        DataSource = data.Source,
        Fold = request.Fold,
        Features = request.Features,
        SkipBad = request.SkipBad,
        Model = buildSpec(data.InputShape, data.ClassNames.Count),
        ClassNames = data.ClassNames.ToArray(),
        Normalization = data.Normalization,
        Training = training,
    };

    /// <summary>
    /// Trains (or resumes) the run. When the data has a validation split, the per-epoch evaluation
    /// (the test columns of log.csv) is on it, so best.model is the epoch with the best validation
    /// accuracy and the test split stays unseen until <see cref="Evaluate"/>; without one, it is on
    /// the test split as <c>train --task scenes</c> does.
    /// </summary>
    public static TrainingResult Train(RunConfig config, string runFolder, SceneTaskData data, bool resume, ITrainingObserver? observer = null) =>
        new Trainer(config, runFolder, observer).Run(data.Train, data.Validation.Count > 0 ? data.Validation : data.Test, resume);

    /// <summary>
    /// Evaluates a run folder on its dataset's test split and writes metrics.json, confusion.csv
    /// and confusion.png there.
    /// </summary>
    public static ClassificationMetrics Evaluate(string runFolder, string? dataDir, string? cacheDir, bool best, out IReadOnlyDictionary<string, double> byDevice, out string source)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        using var data = SceneTaskData.Load(RequestFor(config, dataDir, cacheDir), normalization: config.Normalization, frames: config.Model.InputShape[2]);
        source = data.Source;
        using var model = ImageClassification.LoadModel(runFolder, config, best);
        var probabilities = Evaluator.PredictProbabilities(model, data.Test.Inputs, config.Training.EvalBatchSize, config.Training.Augmentation.CropFrames);
        var metrics = ClassificationMetrics.FromProbabilities(data.Test.Labels.data<long>().ToArray(), probabilities, config.ClassNames);
        byDevice = ClassificationMetrics.AccuracyByGroup(metrics.Truth, metrics.Predicted, data.TestDevices);
        EvaluationReports.Write(runFolder, metrics, byDevice, config, data.Source, best ? "best" : "last");
        return metrics;
    }

    /// <summary>Class probabilities of each audio file under a run's model, averaged over crops as in evaluation.</summary>
    public static IReadOnlyList<ScenePrediction> Predict(string runFolder, IReadOnlyList<string> files)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        var features = config.Features ?? throw new DataException(Path.Combine(runFolder, "config.json"), "not an audio run (no features section)");
        using var model = ImageClassification.LoadModel(runFolder, config);
        using var extractor = new LogMelExtractor(features);
        int frames = config.Model.InputShape[2];
        var results = new List<ScenePrediction>();
        foreach (var file in files)
        {
            using var scope = NewDisposeScope();
            var samples = AudioReader.Read(file, new AudioReadOptions { TargetSampleRate = features.SampleRate }).Channels[0];
            var logMel = extractor.Compute(samples);
            using var single = SceneTaskData.ToDataset([logMel], [0], Math.Max(frames, logMel.GetLength(1)), config.Normalization);
            var p = Evaluator.PredictProbabilities(model, single.Inputs, 1, config.Training.Augmentation.CropFrames ?? frames);
            var probabilities = config.ClassNames.Select((name, c) => (name, (double)p[0, c])).ToDictionary(x => x.name, x => x.Item2);
            results.Add(new ScenePrediction(file, probabilities.MaxBy(x => x.Value).Key, probabilities));
        }
        return results;
    }
}
