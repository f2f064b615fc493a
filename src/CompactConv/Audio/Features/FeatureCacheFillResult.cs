namespace CompactConv.Audio.Features;

/// <summary>What <see cref="FeatureCache.Fill"/> did.</summary>
/// <param name="Computed">Entries decoded and extracted in this call.</param>
/// <param name="Reused">Entries that were already present and valid.</param>
/// <param name="WallSeconds">Elapsed time of the whole call, cache checks included.</param>
/// <param name="AudioSeconds">Duration of the audio computed in this call (reused entries not counted).</param>
/// <param name="TimesRealTime">AudioSeconds / WallSeconds; 0 when nothing was computed.</param>
/// <param name="Failures">Files the loader rejected (unreadable, truncated, too short), in input order; the others were still processed.</param>
public sealed record FeatureCacheFillResult(
    int Computed,
    int Reused,
    double WallSeconds,
    double AudioSeconds,
    double TimesRealTime,
    IReadOnlyList<DataException> Failures);
