namespace CompactConv.Audio.Features;

/// <summary>What <see cref="FeatureCache.Fill"/> did.</summary>
/// <param name="Computed">Entries decoded and extracted in this call.</param>
/// <param name="Reused">Entries that were already present and valid.</param>
/// <param name="WallSeconds">Elapsed time of the whole call, cache checks included.</param>
/// <param name="AudioSeconds">Duration of the audio computed in this call (reused entries not counted).</param>
/// <param name="TimesRealTime">AudioSeconds / WallSeconds; 0 when nothing was computed.</param>
/// <param name="Failures">Files the loader rejected (unreadable, truncated, too short), in input order; the others were still processed.</param>
/// <param name="Folder">Absolute path of the cache folder that was read and filled.</param>
public sealed record FeatureCacheFillResult(
    int Computed,
    int Reused,
    double WallSeconds,
    double AudioSeconds,
    double TimesRealTime,
    IReadOnlyList<DataException> Failures,
    string Folder)
{
    /// <summary>Computed clips per second of wall time; 0 when nothing was computed.</summary>
    public double ClipsPerSecond => Computed > 0 && WallSeconds > 0 ? Computed / WallSeconds : 0;
}
