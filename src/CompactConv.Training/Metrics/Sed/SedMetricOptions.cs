namespace CompactConv.Metrics.Sed;

/// <summary>
/// Parameters of the sound event detection metrics. The defaults are those of the DCASE sound event
/// detection baselines: 1 s segments, a 200 ms collar and an offset collar of 20 % of the event's length.
/// </summary>
public sealed record SedMetricOptions
{
    /// <summary>Segment length of the segment-based metrics, in seconds (sed_eval's time_resolution).</summary>
    public double SegmentSeconds { get; init; } = 1.0;

    /// <summary>Onset collar of the event-based metrics, and the least offset collar, in seconds (sed_eval's t_collar).</summary>
    public double CollarSeconds { get; init; } = 0.2;

    /// <summary>
    /// The offset collar is the larger of <see cref="CollarSeconds"/> and this fraction of the
    /// reference event's length (sed_eval's percentage_of_length; its own default is 0.5, DCASE uses 0.2).
    /// </summary>
    public double OffsetRatio { get; init; } = 0.2;

    /// <summary>
    /// Event-based precision is 0 rather than undefined (NaN) when the system output is empty, overall
    /// or for a class, so such a class enters the macro F-measure with 0: sed_eval's
    /// empty_system_output_handling='zero_score', which the DCASE baseline scripts use. Off by default,
    /// as in sed_eval; the segment-based metrics do not take the option in sed_eval either.
    /// </summary>
    public bool ZeroScoreForEmptyOutput { get; init; }

    /// <summary>Throws when a value is impossible.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Segment not positive, collar negative, or ratio outside [0, 1].</exception>
    public void Validate()
    {
        if (!(SegmentSeconds > 0) || !double.IsFinite(SegmentSeconds))
            throw new ArgumentOutOfRangeException(nameof(SegmentSeconds), SegmentSeconds, "the segment length must be a positive number of seconds");
        if (!(CollarSeconds >= 0) || !double.IsFinite(CollarSeconds))
            throw new ArgumentOutOfRangeException(nameof(CollarSeconds), CollarSeconds, "the collar must be zero or a positive number of seconds");
        if (!(OffsetRatio >= 0 && OffsetRatio <= 1))
            throw new ArgumentOutOfRangeException(nameof(OffsetRatio), OffsetRatio, "the offset ratio must be between 0 and 1");
    }
}
