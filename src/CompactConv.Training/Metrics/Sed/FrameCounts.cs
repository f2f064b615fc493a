using static TorchSharp.torch;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// Frame decisions against frame targets, counted over every clip, frame and class: the one tally
/// behind every frame F1 (training batches, validation, test), so that the figures agree on what a
/// frame decision is and on the score of an empty tally. Counts of several batches or clips add up.
/// </summary>
/// <param name="TruePositives">(frame, class) cells decided active and annotated active.</param>
/// <param name="FalsePositives">Cells decided active but annotated inactive.</param>
/// <param name="FalseNegatives">Cells annotated active but decided inactive.</param>
public readonly record struct FrameCounts(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>Target values at or above this mark a frame active (targets are 0/1, or soft after mixup).</summary>
    public const double TargetThreshold = 0.5;

    /// <summary>
    /// Micro F1 of the counted cells, 2 TP / (2 TP + FP + FN); 0 when there was nothing to find and nothing
    /// was found, so that a model that has found nothing yet is scored as the worst, not as undefined.
    /// </summary>
    public double F1 => TruePositives + FalsePositives + FalseNegatives == 0
        ? 0
        : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Counts boolean <paramref name="found"/> decisions against boolean <paramref name="truth"/> of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static FrameCounts Of(Tensor found, Tensor truth)
    {
        if (!found.shape.SequenceEqual(truth.shape))
            throw new ArgumentException($"found has shape [{string.Join(", ", found.shape)}] but truth [{string.Join(", ", truth.shape)}]");
        using var scope = NewDisposeScope();
        return new FrameCounts(
            found.logical_and(truth).sum().item<long>(),
            found.logical_and(truth.logical_not()).sum().item<long>(),
            found.logical_not().logical_and(truth).sum().item<long>());
    }

    /// <summary>
    /// Counts <paramref name="posteriors"/> at or above <paramref name="thresholds"/> (one per class, the last
    /// dimension, or a single value) against <paramref name="targets"/> at or above <see cref="TargetThreshold"/>.
    /// </summary>
    public static FrameCounts Of(Tensor posteriors, Tensor targets, Tensor thresholds)
    {
        using var scope = NewDisposeScope();
        return Of(posteriors.ge(thresholds), targets.ge(TargetThreshold));
    }

    /// <summary>The counts of both tallies together.</summary>
    public static FrameCounts operator +(FrameCounts a, FrameCounts b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}
