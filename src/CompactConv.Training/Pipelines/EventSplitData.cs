using CompactConv.Data.Events;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>
/// One split of an event dataset as tensors, with what evaluation needs to score detections: the clips'
/// names, lengths and reference events. Row n of every tensor is <see cref="Examples"/>[n]. Owns its tensors.
/// </summary>
public sealed class EventSplitData : IDisposable
{
    /// <summary>Normalised log-mel input [N, 1, mels, frames], float32.</summary>
    public required Tensor Inputs { get; init; }

    /// <summary>Frame targets [N, frames, classes], float32 0/1 (<see cref="Data.Events.FrameTargets"/>);
    /// all zero for weakly labelled clips, whose rows <see cref="Strong"/> marks false.</summary>
    public required Tensor FrameTargets { get; init; }

    /// <summary>Clip targets [N, classes], float32 0/1: a class is present when any of its frames is active
    /// (so an event cut off with the clip's end counts only if some of it remains), or, for a weakly
    /// labelled clip, when it is among its labels.</summary>
    public required Tensor ClipTargets { get; init; }

    /// <summary>[N] bool: whether the clip's frame targets are known (strong labels); a frame-level loss must
    /// leave out the rows where it is false.</summary>
    public required Tensor Strong { get; init; }

    /// <summary>The clips in tensor order.</summary>
    public required IReadOnlyList<EventExample> Examples { get; init; }

    /// <summary>Number of clips.</summary>
    public int Count => Examples.Count;

    /// <summary>The clips' file names as the annotations write them, in tensor order.</summary>
    public IReadOnlyList<string> Files => Examples.Select(e => e.FileName).ToList();

    /// <summary>The clips' lengths in seconds (of the audio, before padding or cutting), in tensor order.</summary>
    public IReadOnlyList<double> Durations => Examples.Select(e => e.Duration).ToList();

    /// <summary>The events the frame targets were made from (tidied: cut at the clip's end, same-label overlaps merged), clip by
    /// clip in tensor order; metrics score against each example's <see cref="EventExample.ReferenceEvents"/> instead.</summary>
    public IReadOnlyList<SoundEvent> Events => Examples.SelectMany(e => e.Events).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        FrameTargets.Dispose();
        ClipTargets.Dispose();
        Strong.Dispose();
    }
}
