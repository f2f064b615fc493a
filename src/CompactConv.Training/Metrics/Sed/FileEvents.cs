using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>One file's reference and estimated events, as <see cref="SedEvaluation.PairByFile"/> matches them.</summary>
/// <param name="File">The file name both lists use.</param>
/// <param name="Reference">The file's ground-truth events in list order (empty when it has none).</param>
/// <param name="Estimate">The file's system events in list order (empty when the system found none).</param>
public sealed record FileEvents(string File, IReadOnlyList<SoundEvent> Reference, IReadOnlyList<SoundEvent> Estimate);
