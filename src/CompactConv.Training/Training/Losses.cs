using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>The losses the trainers use that torch does not provide as such.</summary>
public static class Losses
{
    /// <summary>
    /// Cross-entropy against a target distribution (mixup's soft labels), with label smoothing
    /// mixing in the uniform distribution: -sum(t * log_softmax(z)) averaged over the batch.
    /// </summary>
    public static Tensor SoftTargetCrossEntropy(Tensor logits, Tensor targets, double labelSmoothing)
    {
        var smoothed = labelSmoothing > 0 ? targets * (1 - labelSmoothing) + labelSmoothing / targets.shape[1] : targets;
        return -(smoothed * nn.functional.log_softmax(logits, 1)).sum(1).mean();
    }
}
