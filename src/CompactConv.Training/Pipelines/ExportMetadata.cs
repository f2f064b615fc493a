using System.Globalization;
using System.Text.Json;
using CompactConv.Data.Events;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// What an exported model file says about itself (ONNX <c>metadata_props</c>), so that anyone can use it
/// without this code: the task, the class names, the input it takes and, for audio, the front end that makes
/// that input and, for events, the post-processing that turns its output into events. Values are plain text
/// or JSON; docs/deployment.md lists every key.
/// </summary>
public static class ExportMetadata
{
    /// <summary>Prefix of every key, so that the file's other metadata is never mistaken for ours.</summary>
    public const string Prefix = "compactconv.";

    /// <summary><c>image</c>, <c>scenes</c> or <c>events</c>.</summary>
    public const string Task = Prefix + "task";

    /// <summary>The class names as a JSON array, index-aligned with the model's outputs.</summary>
    public const string Classes = Prefix + "classes";

    /// <summary>The input tensor in words: name, type, shape, units, and that normalisation is inside the graph.</summary>
    public const string Input = Prefix + "input";

    /// <summary>The registry model, conv kind and width it was built with.</summary>
    public const string Model = Prefix + "model";

    /// <summary>Audio runs: the log-mel front end (sample rate, n_fft, hop, mels, fmin/fmax, ...) as JSON.</summary>
    public const string Features = Prefix + "features";

    /// <summary>Audio runs: the per-band mean and standard deviation of the training split (applied inside the graph), as JSON.</summary>
    public const string BandStatistics = Prefix + "band_statistics";

    /// <summary>Image runs: the per-channel mean and standard deviation of the training split (applied inside the graph), as JSON.</summary>
    public const string ChannelStatistics = Prefix + "channel_statistics";

    /// <summary>Events: the run's post-processing (thresholds, median filter, minimum event and gap) as JSON.</summary>
    public const string PostProcessing = Prefix + "post_processing";

    /// <summary>Events: seconds per output frame (the log-mel hop).</summary>
    public const string FrameSeconds = Prefix + "frame_seconds";

    /// <summary>The metadata of a model trained as <paramref name="config"/> describes, with <paramref name="inputName"/> its graph input.</summary>
    public static IReadOnlyDictionary<string, string> For(RunConfig config, string inputName)
    {
        ArgumentNullException.ThrowIfNull(config);
        var shape = config.Model.InputShape;
        var statistics = JsonSerializer.Serialize(new { mean = config.Normalization.Mean, std = config.Normalization.Std }, RunConfig.JsonOptions);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Task] = config.Task,
            [Classes] = JsonSerializer.Serialize(config.ClassNames),
            [Model] = string.Create(CultureInfo.InvariantCulture, $"{config.Model.Name} {config.Model.ConvLabel} width {config.Model.Width}"),
        };
        if (config.Features is { } features)
        {
            string frames = config.Task == "events" ? "frames" : shape[2].ToString(CultureInfo.InvariantCulture);
            metadata[Input] = $"{inputName}: float32 [N, 1, {shape[1]}, {frames}], log-mel power in dB as {Features} describes, not normalised (the per-band normalisation of {BandStatistics} is inside the graph)";
            metadata[Features] = JsonSerializer.Serialize(features, RunConfig.JsonOptions);
            metadata[BandStatistics] = statistics;
        }
        else
        {
            metadata[Input] = $"{inputName}: float32 [N, {shape[0]}, {shape[1]}, {shape[2]}], pixel values / 255 (the per-channel normalisation of {ChannelStatistics} is inside the graph)";
            metadata[ChannelStatistics] = statistics;
        }
        if (config.Task == "events")
        {
            metadata[PostProcessing] = JsonSerializer.Serialize(EventDetection.PostProcessingOf(config), RunConfig.JsonOptions);
            metadata[FrameSeconds] = new FrameTargets(config.Features ?? new(), config.ClassNames).HopSeconds.ToString("R", CultureInfo.InvariantCulture);
        }
        return metadata;
    }
}
