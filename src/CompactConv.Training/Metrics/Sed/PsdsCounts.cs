namespace CompactConv.Metrics.Sed;

/// <summary>What one operating point detects, per class of <see cref="PsdsGroundTruth.Labels"/> (<see cref="PsdsGroundTruth.Count"/>).</summary>
/// <param name="TruePositives">Reference events of each class that meet the GTC.</param>
/// <param name="FalsePositives">Detections of each class that miss the DTC (cross-triggers included).</param>
/// <param name="CrossTriggers">[c][j]: detections of class c that miss the DTC and meet the CTTC on the reference events of class j (0 where j = c).</param>
public sealed record PsdsCounts(IReadOnlyList<long> TruePositives, IReadOnlyList<long> FalsePositives, IReadOnlyList<IReadOnlyList<long>> CrossTriggers);
