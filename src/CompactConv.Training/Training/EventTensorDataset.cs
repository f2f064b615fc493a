using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// Sound event detection data held in memory: inputs [N, C, mels, frames], frame targets
/// [N, frames, classes] of 0/1 at the model's frame rate, and optionally clip (weak) targets
/// [N, classes]. Owns its tensors.
/// </summary>
public sealed class EventTensorDataset : IDisposable
{
    /// <summary>Inputs [N, C, mels, frames], float32.</summary>
    public Tensor Inputs { get; }

    /// <summary>Frame targets [N, frames, classes], float32 0/1; frame t belongs to input frame t.</summary>
    public Tensor FrameTargets { get; }

    /// <summary>Clip targets [N, classes], float32 0/1, or null when the data has none.</summary>
    public Tensor? ClipTargets { get; }

    /// <summary>
    /// Which clips have frame targets [N] (bool), or null when all do. Clips with only clip (weak)
    /// labels have all-zero frame rows that mean "unknown", not "silent", so the frame loss skips them.
    /// </summary>
    public Tensor? Strong { get; }

    /// <summary>Number of clips.</summary>
    public long Count => Inputs.shape[0];

    /// <summary>Number of classes.</summary>
    public long Classes => FrameTargets.shape[2];

    /// <summary>Wraps the tensors; throws <see cref="ArgumentException"/> when their shapes do not fit together.</summary>
    public EventTensorDataset(Tensor inputs, Tensor frameTargets, Tensor? clipTargets = null, Tensor? strong = null)
    {
        if (strong is not null && (strong.dim() != 1 || strong.shape[0] != inputs.shape[0]))
        {
            throw new ArgumentException($"the strong-label mask must be [{inputs.shape[0]}], got [{string.Join(", ", strong.shape)}]");
        }
        if (inputs.dim() != 4) throw new ArgumentException($"event inputs must be [N, C, mels, frames], got [{string.Join(", ", inputs.shape)}]");
        if (frameTargets.dim() != 3) throw new ArgumentException($"frame targets must be [N, frames, classes], got [{string.Join(", ", frameTargets.shape)}]");
        if (frameTargets.shape[0] != inputs.shape[0] || frameTargets.shape[1] != inputs.shape[3])
        {
            throw new ArgumentException($"frame targets [{string.Join(", ", frameTargets.shape)}] do not match inputs [{string.Join(", ", inputs.shape)}] (same clips, same frames)");
        }
        if (clipTargets is not null && (clipTargets.dim() != 2 || clipTargets.shape[0] != inputs.shape[0] || clipTargets.shape[1] != frameTargets.shape[2]))
        {
            throw new ArgumentException($"clip targets must be [{inputs.shape[0]}, {frameTargets.shape[2]}], got [{string.Join(", ", clipTargets.shape)}]");
        }
        Inputs = inputs;
        FrameTargets = frameTargets;
        ClipTargets = clipTargets;
        Strong = strong;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        FrameTargets.Dispose();
        ClipTargets?.Dispose();
        Strong?.Dispose();
    }
}
