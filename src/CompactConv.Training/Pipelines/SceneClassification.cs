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
    public static RunConfig CreateConfig(AudioDataRequest request, SceneTaskData data, Func<int[], int, ModelSpec> buildSpec, TrainingOptions training) =>
        request.ToRunConfig("scenes", data.Source, data.InputShape, data.ClassNames, data.Normalization, data.Extraction.Folder, buildSpec, training);

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
    /// Loads (or extracts into the cache) the features <paramref name="request"/> names, normalised with the
    /// statistics of <paramref name="resumed"/>, the config of the run being resumed, or else of the training
    /// split, and makes the run's config; <see cref="PreparedTraining{TResult}.Train"/> then trains as
    /// <see cref="Train"/> does.
    /// </summary>
    public static PreparedTraining<TrainingResult> Prepare(AudioRunRequest request, RunConfig? resumed = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dataRequest = request.DataFor(resumed);
        var data = SceneTaskData.Load(dataRequest, request.FeatureProgress, resumed?.Normalization, resumed?.Model.InputShape[2]);
        try
        {
            var config = CreateConfig(dataRequest, data, request.BuildSpec, request.Training);
            return new PreparedTraining<TrainingResult>(config, data.Source, data.Train.Count, data.Notes, data,
                run => Train(config, run.Folder, data, run.Resume, run.Observer, run.Stop, run.Device), data.Extraction);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Evaluates a run folder on its dataset's test split and writes metrics.json, confusion.csv and
    /// confusion.png there. Features come from <see cref="EvaluationRequest.CacheDir"/>, else from the cache
    /// the run was trained with.
    /// </summary>
    public static SceneEvaluation Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = TrainedRun.ReadConfig(request.RunFolder, task: "scenes");
        using var data = SceneTaskData.Load(AudioDataRequest.For(config, request.DataDir, request.CacheDir, includeTest: true), request.FeatureProgress,
            config.Normalization, config.Model.InputShape[2]);
        var test = data.Test ?? throw new DataException(data.Source, "the test split has no clips");
        using var model = TrainedRun.LoadModel(request.RunFolder, config, request.Best, request.Device);
        var probabilities = Evaluator.PredictProbabilities(model, test.Inputs, config.Training.EvalBatchSize, config.Training.Augmentation.CropFrames);
        var metrics = ClassificationMetrics.FromProbabilities(test.Labels.data<long>().ToArray(), probabilities, config.ClassNames);
        var byDevice = ClassificationMetrics.AccuracyByGroup(metrics.Truth, metrics.Predicted, data.TestDevices);
        EvaluationReports.Write(request.RunFolder, metrics, byDevice, config, data.Source, request.WeightsLabel);
        return new SceneEvaluation(metrics, byDevice, data.Source, data.Extraction);
    }

    /// <summary>Class probabilities of each audio file under a run's model, averaged over crops as in evaluation.</summary>
    public static IReadOnlyList<ClassPrediction> Predict(PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var run = TrainedRun.Open(request.RunFolder, request.Best, request.Device, task: "scenes");
        var config = run.Config;
        var features = config.Features ?? throw new DataException(Path.Combine(request.RunFolder, "config.json"), "not an audio run (no features section)");
        var extractor = new LogMelSpectrogram(features);
        int frames = config.Model.InputShape[2];
        var results = new List<ClassPrediction>();
        foreach (var file in request.Files)
        {
            using var scope = NewDisposeScope();
            var logMel = extractor.ComputeFile(file);
            using var single = SceneTaskData.ToDataset([logMel], [0], Math.Max(frames, logMel.GetLength(1)), config.Normalization);
            var p = Evaluator.PredictProbabilities(run.Model, single.Inputs, 1, config.Training.Augmentation.CropFrames ?? frames);
            results.Add(ClassPrediction.FromRow(file, p, 0, config.ClassNames));
        }
        return results;
    }
}
