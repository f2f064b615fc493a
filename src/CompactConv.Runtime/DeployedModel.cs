using System.Globalization;
using System.Text.Json;
using CompactConv.Audio.Features;
using CompactConv.Deployment;
using CompactConv.Events;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CompactConv.Runtime;

/// <summary>
/// An exported model file open in ONNX Runtime, with what its metadata says about it (docs/deployment.md):
/// the task, the class names, the audio front end, the band statistics and the event post-processing. A
/// file that lacks a key its task needs is refused when opened, naming the file and the key, so that a
/// foreign ONNX file never produces numbers that look like answers.
/// </summary>
public sealed class DeployedModel : IDisposable
{
    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly InferenceSession _session;

    private DeployedModel(string path, InferenceSession session)
    {
        Path = path;
        _session = session;
        var metadata = session.ModelMetadata.CustomMetadataMap;
        string Required(string key) =>
            metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value
                : throw new DataException(path, $"no {key} in the model's metadata: not a model written by 'compactconv export'");
        T Json<T>(string key) where T : class
        {
            try
            {
                return JsonSerializer.Deserialize<T>(Required(key), MetadataJson) ?? throw new DataException(path, $"{key} is null");
            }
            catch (JsonException e)
            {
                throw new DataException(path, $"{key} is not valid JSON: {e.Message}", e);
            }
        }

        Task = Required(ModelMetadataKeys.Task);
        if (Task is not ("image" or "scenes" or "events"))
            throw new DataException(path, $"{ModelMetadataKeys.Task} is '{Task}'; this runtime knows image, scenes and events");
        ClassNames = Json<string[]>(ModelMetadataKeys.Classes);
        InputName = session.InputMetadata.Keys.Single();
        OutputName = session.OutputMetadata.Keys.Single();
        InputShape = session.InputMetadata[InputName].Dimensions;
        if (InputShape.Count != 4) throw new DataException(path, $"input {InputName} has {InputShape.Count} dimensions, expected 4 [N, C, H, W]");
        if (Task != "image")
        {
            try
            {
                Features = LogMelOptions.FromJson(Required(ModelMetadataKeys.Features));
            }
            catch (ArgumentException e)
            {
                throw new DataException(path, $"{ModelMetadataKeys.Features}: {e.Message}", e);
            }
            var statistics = Json<BandStatisticsJson>(ModelMetadataKeys.BandStatistics);
            if (statistics.Mean is not { } mean || statistics.Std is not { } std || mean.Length != Features.NMels || std.Length != Features.NMels)
                throw new DataException(path, $"{ModelMetadataKeys.BandStatistics} needs mean and std of {Features.NMels} bands");
            BandMean = mean;
        }
        if (Task == "events")
        {
            PostProcessing = Json<PostProcessingOptions>(ModelMetadataKeys.PostProcessing);
            try
            {
                PostProcessing.Validate(ClassNames.Count);
            }
            catch (ArgumentException e)
            {
                throw new DataException(path, $"{ModelMetadataKeys.PostProcessing}: {e.Message}", e);
            }
            string seconds = Required(ModelMetadataKeys.FrameSeconds);
            FrameSeconds = double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double hop) && hop > 0 ? hop
                : throw new DataException(path, $"{ModelMetadataKeys.FrameSeconds} is '{seconds}', expected a positive number");
        }
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary><c>image</c>, <c>scenes</c> or <c>events</c>.</summary>
    public string Task { get; }

    /// <summary>The class names, index-aligned with the outputs.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The graph's input name (<c>pixels</c> or <c>log_mel</c>).</summary>
    public string InputName { get; }

    /// <summary>The graph's output name (<c>logits</c> or <c>frame_probabilities</c>).</summary>
    public string OutputName { get; }

    /// <summary>The input's dimensions [N, C, H, W]; symbolic ones (the batch, an event model's frames) are -1.</summary>
    public IReadOnlyList<int> InputShape { get; }

    /// <summary>Audio models: the log-mel front end the model was trained on; null for image models.</summary>
    public LogMelOptions? Features { get; }

    /// <summary>
    /// Audio models: the training split's mean of each mel band in dB. Normalisation is inside the graph, but
    /// a clip shorter than the model's input is padded with these values, which normalise to zero as the
    /// padding in training did.
    /// </summary>
    public IReadOnlyList<double>? BandMean { get; }

    /// <summary>Event models: the run's post-processing.</summary>
    public PostProcessingOptions? PostProcessing { get; }

    /// <summary>Event models: seconds per output frame.</summary>
    public double? FrameSeconds { get; }

    /// <summary>Opens an exported model file.</summary>
    /// <exception cref="DataException">The file is missing, is not ONNX, or lacks the metadata its task needs; names the file (and the key).</exception>
    public static DeployedModel Open(string path, DeployedModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DeployedModelOptions.Default;
        if (!File.Exists(path)) throw new DataException(path, "no such model file");
        using var sessionOptions = new SessionOptions();
        if (options.IntraOpThreads is { } threads)
        {
            if (threads < 1) throw new ArgumentException($"{nameof(DeployedModelOptions)}.{nameof(DeployedModelOptions.IntraOpThreads)} must be 1 or more, got {threads}");
            sessionOptions.IntraOpNumThreads = threads;
        }
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new DataException(path, $"not a model ONNX Runtime can load: {FirstLine(e.Message)}", e);
        }
        try
        {
            return new DeployedModel(path, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/> and checks that it was exported for <paramref name="task"/>.</summary>
    /// <exception cref="DataException">As <see cref="Open"/>, or the file's task is another; names the file and the key.</exception>
    public static DeployedModel OpenFor(string path, string task, DeployedModelOptions? options = null)
    {
        var model = Open(path, options);
        try
        {
            return model.RequireTask(task);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>This model, when it was exported for <paramref name="task"/>.</summary>
    /// <exception cref="DataException">The file's task is another; names the file and the key.</exception>
    public DeployedModel RequireTask(string task) =>
        Task == task ? this : throw new DataException(Path, $"{ModelMetadataKeys.Task} is '{Task}', but this needs a '{task}' model");

    /// <summary>Runs the graph on one float32 input of <paramref name="shape"/>; returns the output's values (row-major) and dimensions.</summary>
    public (float[] Values, int[] Shape) Run(float[] input, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(shape);
        var tensor = new DenseTensor<float>(input, shape);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, tensor)]);
        var output = results.Single(r => r.Name == OutputName).AsTensor<float>();
        return (output.ToArray(), output.Dimensions.ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private sealed record BandStatisticsJson(double[]? Mean, double[]? Std);
}
