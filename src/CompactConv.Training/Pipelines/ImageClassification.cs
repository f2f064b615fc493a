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
    /// Loads the model of a run folder with the weights of its last (or best) checkpoint, on
    /// <paramref name="device"/> (the CPU when null), in evaluation mode.
    /// </summary>
    public static nn.Module<Tensor, Tensor> LoadModel(string runFolder, RunConfig config, bool best = false, Device? device = null)
    {
        var store = new CheckpointStore(runFolder);
        var state = store.ReadState<CheckpointStateBase>();
        var model = ModelRegistry.Create(config.Model);
        store.LoadModel(model, best ? Path.GetFileName(store.BestModelPath) : state.ModelFile);
        if (device is not null && !ComputeDevice.Same(device, CPU)) model.to(device);
        model.eval();
        return model;
    }

    /// <summary>
    /// Evaluates a run folder's checkpoint on the test split of its dataset (or of
    /// <paramref name="dataDir"/>) and writes metrics.json into the folder.
    /// </summary>
    /// <remarks>The model runs on <paramref name="device"/>, the CPU when null.</remarks>
    public static ClassificationMetrics Evaluate(string runFolder, string? dataDir, bool best, out string dataSource, Device? device = null)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        // The full test split is evaluated even when training used a subset; the training split is
        // not needed, since the run's config holds the normalisation.
        string? folder = dataDir ?? config.DataDir;
        var splits = ImageDatasets.Load(config.Dataset, folder, config.ImageData ?? new ImageDatasetOptions { Seed = config.Training.Seed });
        RunInputShape.Require(splits.Test, config.Model.InputShape, folder ?? splits.Source);
        var (images, labels) = splits.Test.ToTensors();
        using var test = new TensorDataset(images, labels);
        test.Normalize(config.Normalization);
        dataSource = splits.Source;
        using var model = LoadModel(runFolder, config, best, device);
        var metrics = Evaluator.Evaluate(model, test, config.ClassNames, config.Training.EvalBatchSize);
        EvaluationReports.Write(runFolder, metrics, null, config, dataSource, best ? "best" : "last");
        return metrics;
    }

    /// <summary>
    /// Class probabilities of the images in <paramref name="files"/> under a run's model (its last
    /// epoch's weights): PNG and JPEG files are resized and made grey or RGB to the run's input shape,
    /// IDX files give every image they hold (see <see cref="ImageInputFiles"/>); all are normalised
    /// with the run's training statistics.
    /// </summary>
    /// <exception cref="DataException">The run is not an image run, or a file cannot be read as images of its input shape; names the file.</exception>
    /// <remarks>The model runs on <paramref name="device"/>, the CPU when null.</remarks>
    public static IReadOnlyList<ClassPrediction> Predict(string runFolder, IReadOnlyList<string> files, Device? device = null)
    {
        string configPath = Path.Combine(runFolder, "config.json");
        var config = RunConfig.Load(configPath);
        if (config.Task != "image") throw new DataException(configPath, $"is a {config.Task} run, not an image run");
        var shape = config.Model.InputShape;
        var inputs = ImageInputFiles.Read(files, shape[0], shape[1], shape[2]);
        var images = new Data.ImageDataset(inputs.Pixels, new long[inputs.Names.Count], shape[0], shape[1], shape[2], config.ClassNames, "predict");
        var (pixels, labels) = images.ToTensors();
        using var data = new TensorDataset(pixels, labels);
        data.Normalize(config.Normalization);
        using var model = LoadModel(runFolder, config, device: device);
        var probabilities = Evaluator.PredictProbabilities(model, data.Inputs, config.Training.EvalBatchSize);
        return inputs.Names.Select((name, i) => ClassPrediction.FromRow(name, probabilities, i, config.ClassNames)).ToList();
    }
}
