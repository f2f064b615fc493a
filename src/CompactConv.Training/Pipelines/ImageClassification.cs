using CompactConv.Runtime;
using CompactConv.Data.Images;
using CompactConv.Reports;
using CompactConv.Metrics;
using CompactConv.Models;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>What the image pipeline needs from the command line to start a run.</summary>
public sealed record ImageRunRequest
{
    /// <summary>The images to read and how to divide them (<see cref="ImageDataRequest.IncludeTest"/> is ignored: training never reads the test split).</summary>
    public required ImageDataRequest Data { get; init; }

    /// <summary>Builds the model spec (name, conv kind, r, op, grouping, width) once the data's input shape and class count are known.</summary>
    public required Func<int[], int, ModelSpec> BuildSpec { get; init; }

    /// <summary>Training hyper-parameters.</summary>
    public required TrainingOptions Training { get; init; }
}

/// <summary>The image classification pipeline: data -> model from the registry -> trainer -> metrics.</summary>
public static class ImageClassification
{
    /// <summary>Builds the run config of a request from the data it will train on.</summary>
    public static RunConfig CreateConfig(ImageRunRequest request, ImageTaskData data) => new()
    {
        Task = "image",
        Dataset = request.Data.Dataset,
        DataDir = request.Data.DataDir is null ? null : RunConfig.FullDataPath(request.Data.DataDir),
        DataSource = data.Source,
        TrainLimit = request.Data.TrainLimit,
        TestLimit = request.Data.TestLimit,
        ValidationFraction = request.Data.ValidationFraction,
        ImageData = request.Data.ImageData,
        SkipBad = request.Data.ImageData?.SkipBad ?? false,
        Model = request.BuildSpec(data.InputShape, data.ClassNames.Count),
        ClassNames = data.ClassNames.ToArray(),
        Normalization = data.Normalization,
        Training = request.Training,
    };

    /// <summary>
    /// Loads the data <paramref name="request"/> names (normalised with the statistics of <paramref name="resumed"/>,
    /// the config of the run being resumed, or else of the training split) and makes the run's config.
    /// Training then reads augmented batches from the input pipeline when the options ask for augmentation,
    /// else the in-memory tensors; both follow the same seeded order, so a resumed run continues exactly.
    /// </summary>
    public static PreparedTraining<TrainingResult> Prepare(ImageRunRequest request, RunConfig? resumed = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = ImageTaskData.Load(request.Data, resumed);
        try
        {
            var config = CreateConfig(request, data);
            return new PreparedTraining<TrainingResult>(config, data.Source, data.Train.Count, data.Notes, data, run =>
            {
                var trainer = new Trainer(config, run.Folder, run.Observer, stop: run.Stop) { Device = run.Device ?? CPU };
                return config.Training.ImageAugmentation.Any
                    ? trainer.Run(data.TrainImages, data.Validation, run.Resume)
                    : trainer.Run(data.Train, data.Validation, run.Resume);
            }, inputPipeline: InputPipeline(config.Training));
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Evaluates a run folder's checkpoint on the test split of its dataset (or of
    /// <see cref="EvaluationRequest.DataDir"/>) and writes metrics.json into the folder.
    /// </summary>
    public static ImageEvaluation Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var run = TrainedRun.Open(request.RunFolder, request.Best, request.Device, task: "image");
        var config = run.Config;
        // The full test split is evaluated even when training used a subset; the training split is
        // not needed, since the run's config holds the normalisation.
        string? folder = request.DataDir ?? config.DataDir;
        var splits = ImageDatasets.Load(config.Dataset, folder, config.ImageData ?? new ImageDatasetOptions { Seed = config.Training.Seed });
        RunInputShape.Require(splits.Test, config.Model.InputShape, folder ?? splits.Source);
        var (images, labels) = splits.Test.ToTensors();
        using var test = new TensorDataset(images, labels);
        test.Normalize(config.Normalization);
        var metrics = Evaluator.Evaluate(run.Model, test, config.ClassNames, config.Training.EvalBatchSize);
        EvaluationReports.Write(request.RunFolder, metrics, null, config, splits.Source, request.WeightsLabel);
        return new ImageEvaluation(metrics, splits.Source);
    }

    /// <summary>
    /// Class probabilities of the images in <see cref="PredictionRequest.Files"/> under a run's model: PNG and
    /// JPEG files are resized and made grey or RGB to the run's input shape, IDX files give every image they
    /// hold (see <see cref="ImageInputFiles"/>); all are normalised with the run's training statistics.
    /// </summary>
    /// <exception cref="DataException">The run is not an image run, or a file cannot be read as images of its input shape; names the file.</exception>
    public static IReadOnlyList<ClassPrediction> Predict(PredictionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = TrainedRun.ReadConfig(request.RunFolder, task: "image");
        var shape = config.Model.InputShape;
        // The files are read before the model: a bad file is reported without loading weights.
        var inputs = ImageInputFiles.Read(request.Files, shape[0], shape[1], shape[2]);
        var images = new Data.ImageDataset(inputs.Pixels, new long[inputs.Names.Count], shape[0], shape[1], shape[2], config.ClassNames, "predict");
        var (pixels, labels) = images.ToTensors();
        using var data = new TensorDataset(pixels, labels);
        data.Normalize(config.Normalization);
        using var model = TrainedRun.LoadModel(request.RunFolder, config, request.Best, request.Device);
        var probabilities = Evaluator.PredictProbabilities(model, data.Inputs, config.Training.EvalBatchSize);
        return inputs.Names.Select((name, i) => ClassPrediction.FromRow(name, probabilities, i, config.ClassNames)).ToList();
    }

    // The image input pipeline's settings in words, when augmentation makes the trainer use it.
    private static string? InputPipeline(TrainingOptions options) => options.ImageAugmentation.Any
        ? $"augmentation {options.ImageAugmentation.Describe()}, prefetch {options.Prefetch}"
        : null;
}
