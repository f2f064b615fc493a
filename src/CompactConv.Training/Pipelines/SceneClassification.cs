using CompactConv.Audio.Features;
using CompactConv.Metrics;
using CompactConv.Models;
using CompactConv.Reports;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>
/// Acoustic scene classification: dataset layout -> audio -> cached log-mel features -> model
/// from the registry -> trainer (crops, SpecAugment, mixup) -> clip-level metrics.
/// </summary>
public static class SceneClassification
{
    /// <summary>Builds a run config for training on <paramref name="data"/>.</summary>
    public static RunConfig CreateConfig(AudioDataRequest request, SceneTaskData data, Func<int[], int, ModelSpec> buildSpec, TrainingOptions training) => new()
    {
        Task = "scenes",
        Dataset = request.Dataset,
        DataDir = RunConfig.FullDataPath(request.DataDir),
        DataSource = data.Source,
        ValidationFraction = request.ValidationFraction,
        Fold = request.Fold,
        Features = request.Features,
        FeatureCacheDir = data.Extraction.Folder,
        SkipBad = request.SkipBad,
        Model = buildSpec(data.InputShape, data.ClassNames.Count),
        ClassNames = data.ClassNames.ToArray(),
        Normalization = data.Normalization,
        Training = training,
    };

    /// <summary>
    /// Trains (or resumes) the run: every epoch is scored on the validation split, whose best accuracy
    /// picks best.model (without validation clips the last epoch is the best); the test split stays
    /// unseen until <see cref="Evaluate"/>. <paramref name="stop"/>, once requested, stops training at the
    /// next step boundary with a checkpoint.
    /// </summary>
    /// <remarks>The model runs on <paramref name="device"/>, the CPU when null.</remarks>
    public static TrainingResult Train(RunConfig config, string runFolder, SceneTaskData data, bool resume, ITrainingObserver? observer = null,
        StopToken? stop = null, Device? device = null) =>
        new Trainer(config, runFolder, observer, stop: stop) { Device = device ?? CPU }.Run(data.Train, data.Validation, resume);

    /// <summary>
    /// Evaluates a run folder on its dataset's test split and writes metrics.json, confusion.csv
    /// and confusion.png there. Features come from <paramref name="cacheDir"/>, else from the cache the
    /// run was trained with; <paramref name="progress"/> gets the number of files checked or extracted.
    /// </summary>
    /// <remarks>The model runs on <paramref name="device"/>, the CPU when null.</remarks>
    public static SceneEvaluation Evaluate(string runFolder, string? dataDir, string? cacheDir, bool best, IProgress<int>? progress = null, Device? device = null)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        using var data = SceneTaskData.Load(AudioDataRequest.For(config, dataDir, cacheDir, includeTest: true), progress, config.Normalization, config.Model.InputShape[2]);
        var test = data.Test ?? throw new DataException(data.Source, "the test split has no clips");
        using var model = ImageClassification.LoadModel(runFolder, config, best, device);
        var probabilities = Evaluator.PredictProbabilities(model, test.Inputs, config.Training.EvalBatchSize, config.Training.Augmentation.CropFrames);
        var metrics = ClassificationMetrics.FromProbabilities(test.Labels.data<long>().ToArray(), probabilities, config.ClassNames);
        var byDevice = ClassificationMetrics.AccuracyByGroup(metrics.Truth, metrics.Predicted, data.TestDevices);
        EvaluationReports.Write(runFolder, metrics, byDevice, config, data.Source, best ? "best" : "last");
        return new SceneEvaluation(metrics, byDevice, data.Source, data.Extraction);
    }

    /// <summary>Class probabilities of each audio file under a run's model, averaged over crops as in evaluation.</summary>
    /// <remarks>The model runs on <paramref name="device"/>, the CPU when null.</remarks>
    public static IReadOnlyList<ClassPrediction> Predict(string runFolder, IReadOnlyList<string> files, Device? device = null)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        var features = config.Features ?? throw new DataException(Path.Combine(runFolder, "config.json"), "not an audio run (no features section)");
        using var model = ImageClassification.LoadModel(runFolder, config, device: device);
        var extractor = new LogMelSpectrogram(features);
        int frames = config.Model.InputShape[2];
        var results = new List<ClassPrediction>();
        foreach (var file in files)
        {
            using var scope = NewDisposeScope();
            var logMel = extractor.ComputeFile(file);
            using var single = SceneTaskData.ToDataset([logMel], [0], Math.Max(frames, logMel.GetLength(1)), config.Normalization);
            var p = Evaluator.PredictProbabilities(model, single.Inputs, 1, config.Training.Augmentation.CropFrames ?? frames);
            results.Add(ClassPrediction.FromRow(file, p, 0, config.ClassNames));
        }
        return results;
    }
}
