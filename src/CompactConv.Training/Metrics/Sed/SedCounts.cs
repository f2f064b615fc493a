namespace CompactConv.Metrics.Sed;

/// <summary>
/// The totals behind the overall scores. Segment-based, each unit is an (active class, segment) pair
/// and substitutions, deletions and insertions are counted per segment; event-based, each unit is an
/// event.
/// </summary>
/// <param name="Reference">Nref: reference units.</param>
/// <param name="Estimated">Nsys: system output units.</param>
/// <param name="TruePositives">Ntp: correctly detected units.</param>
/// <param name="Substitutions">S: a reference unit detected with the wrong label.</param>
/// <param name="Deletions">D: reference units missed and not substituted.</param>
/// <param name="Insertions">I: system units that are neither correct nor substitutions.</param>
public sealed record SedCounts(long Reference, long Estimated, long TruePositives, long Substitutions, long Deletions, long Insertions);
