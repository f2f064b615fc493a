using CompactConv.Audio.Features;
using CompactConv.Data.Events;
using CompactConv.Events;

namespace CompactConv.Runtime;

/// <summary>
/// Detects sound events in audio files with an exported event model: the training front end (from the
/// metadata) over the whole file, the model's frame probabilities at the file's own length (no padded frames
/// that could turn into events past the end), then the run's post-processing through <see cref="EventDecoder"/>.
/// </summary>
public sealed class EventDetector : IDisposable
{
    private readonly DeployedModel _model;
    private readonly LogMelSpectrogram _frontEnd;

    private EventDetector(DeployedModel model)
    {
        _model = model;
        _frontEnd = new LogMelSpectrogram(model.Features!);
    }

    /// <summary>The front end the model was trained on.</summary>
    public LogMelOptions Features => _frontEnd.Options;

    /// <summary>The run's post-processing, used when a call passes none.</summary>
    public PostProcessingOptions PostProcessing => _model.PostProcessing!;

    /// <summary>Seconds per output frame.</summary>
    public double FrameSeconds => _model.FrameSeconds!.Value;

    /// <summary>The model's class names.</summary>
    public IReadOnlyList<string> ClassNames => _model.ClassNames;

    /// <summary>Opens an exported event model.</summary>
    /// <exception cref="DataException">The file is not an exported event model; names the file and what is wrong.</exception>
    public static EventDetector Open(string path, DeployedModelOptions? options = null) => new(DeployedModel.OpenFor(path, "events", options));

    /// <summary>The detector of an opened event model, which then belongs to it (refused, and left to the caller, when it is another task's).</summary>
    public static EventDetector For(DeployedModel model) => new(model.RequireTask("events"));

    /// <summary>The events in the WAV or OGG file at <paramref name="path"/>, decoded with <paramref name="postProcessing"/> or the run's own.</summary>
    /// <exception cref="DataException">The file cannot be decoded or is too short for one frame; names it.</exception>
    public IReadOnlyList<SoundEvent> DetectFile(string path, PostProcessingOptions? postProcessing = null) =>
        EventDecoder.Decode(FrameProbabilities(_frontEnd.ComputeFile(path)), FrameSeconds, ClassNames, Path.GetFileName(path), postProcessing ?? PostProcessing);

    /// <summary>Frame probabilities [frames, classes] of one clip's log-mel [mels, frames] in dB (not normalised).</summary>
    public float[,] FrameProbabilities(float[,] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        int mels = Features.NMels, frames = logMel.GetLength(1);
        if (logMel.GetLength(0) != mels) throw new ArgumentException($"the model takes {mels} mel bands, got {logMel.GetLength(0)}");
        var input = new float[mels * frames];
        Buffer.BlockCopy(logMel, 0, input, 0, input.Length * sizeof(float));
        var (values, shape) = _model.Run(input, [1, 1, mels, frames]);
        int outFrames = shape[1], classes = shape[2];
        var probabilities = new float[outFrames, classes];
        Buffer.BlockCopy(values, 0, probabilities, 0, values.Length * sizeof(float));
        return probabilities;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
