namespace CompactConv.Deployment;

/// <summary>
/// The <c>metadata_props</c> keys of an exported model file (docs/deployment.md). They live here, beside the
/// audio front end and the event decoder, so that the exporter (which writes them) and the TorchSharp-free
/// runtime (which reads them) share one definition.
/// </summary>
public static class ModelMetadataKeys
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
}
