using CompactConv.Metrics;

namespace CompactConv.Pipelines;

/// <summary>The outcome of <see cref="ImageClassification.Evaluate"/>.</summary>
/// <param name="Metrics">Accuracy, per-class accuracy, log-loss and confusion matrix on the test split.</param>
/// <param name="Source">Where the test images came from, in words.</param>
public sealed record ImageEvaluation(ClassificationMetrics Metrics, string Source);
