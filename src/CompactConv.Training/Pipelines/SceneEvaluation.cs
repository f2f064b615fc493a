using CompactConv.Audio.Features;
using CompactConv.Metrics;

namespace CompactConv.Pipelines;

/// <summary>The outcome of <see cref="SceneClassification.Evaluate"/>.</summary>
/// <param name="Metrics">Clip-level metrics of the test split.</param>
/// <param name="ByDevice">Accuracy per recording device (devices the dataset names only).</param>
/// <param name="Source">Where the data came from.</param>
/// <param name="Extraction">What reading the features did: computed and reused clips, and the cache folder.</param>
public sealed record SceneEvaluation(ClassificationMetrics Metrics, IReadOnlyDictionary<string, double> ByDevice, string Source, FeatureCacheFillResult Extraction);
