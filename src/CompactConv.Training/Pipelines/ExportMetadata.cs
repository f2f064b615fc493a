using System.Globalization;
using System.Text.Json;
using CompactConv.Data.Events;
using CompactConv.Deployment;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// What an exported model file says about itself (ONNX <c>metadata_props</c>), so that anyone can use it
/// without this code: the task, the class names, the input it takes and, for audio, the front end that makes
/// that input and, for events, the post-processing that turns its output into events. Values are plain text
/// or JSON; docs/deployment.md lists every key, and <see cref="ModelMetadataKeys"/> (CompactConv.Audio) names them.
/// </summary>
public static class ExportMetadata
{
    /// <summary>The metadata of a model trained as <paramref name="config"/> describes, with <paramref name="inputName"/> its graph input.</summary>
    public static IReadOnlyDictionary<string, string> For(RunConfig config, string inputName)
    {
        ArgumentNullException.ThrowIfNull(config);
        var shape = config.Model.InputShape;
        var statistics = JsonSerializer.Serialize(new { mean = config.Normalization.Mean, std = config.Normalization.Std }, RunConfig.JsonOptions);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ModelMetadataKeys.Task] = config.Task,
            [ModelMetadataKeys.Classes] = JsonSerializer.Serialize(config.ClassNames),
            [ModelMetadataKeys.Model] = string.Create(CultureInfo.InvariantCulture, $"{config.Model.Name} {config.Model.ConvLabel} width {config.Model.Width}"),
        };
        if (config.Features is { } features)
        {
            string frames = config.Task == "events" ? "frames" : shape[2].ToString(CultureInfo.InvariantCulture);
            metadata[ModelMetadataKeys.Input] = $"{inputName}: float32 [N, 1, {shape[1]}, {frames}], log-mel power in dB as {ModelMetadataKeys.Features} describes, not normalised (the per-band normalisation of {ModelMetadataKeys.BandStatistics} is inside the graph)";
            metadata[ModelMetadataKeys.Features] = JsonSerializer.Serialize(features, RunConfig.JsonOptions);
            metadata[ModelMetadataKeys.BandStatistics] = statistics;
        }
        else
        {
            metadata[ModelMetadataKeys.Input] = $"{inputName}: float32 [N, {shape[0]}, {shape[1]}, {shape[2]}], pixel values / 255 (the per-channel normalisation of {ModelMetadataKeys.ChannelStatistics} is inside the graph)";
            metadata[ModelMetadataKeys.ChannelStatistics] = statistics;
        }
        if (config.Task == "events")
        {
            metadata[ModelMetadataKeys.PostProcessing] = JsonSerializer.Serialize(EventDetection.PostProcessingOf(config), RunConfig.JsonOptions);
            metadata[ModelMetadataKeys.FrameSeconds] = new FrameTargets(config.Features ?? new(), config.ClassNames).HopSeconds.ToString("R", CultureInfo.InvariantCulture);
        }
        return metadata;
    }
}
