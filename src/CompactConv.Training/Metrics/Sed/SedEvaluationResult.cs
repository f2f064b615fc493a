namespace CompactConv.Metrics.Sed;

/// <summary>The three result blocks DCASE reports for sound event detection.</summary>
/// <param name="SegmentBased">Segment-based metrics.</param>
/// <param name="EventBased">Event-based metrics comparing onsets and offsets.</param>
/// <param name="EventBasedOnset">Event-based metrics comparing onsets only.</param>
/// <param name="Options">The parameters used.</param>
public sealed record SedEvaluationResult(SedMetricResults SegmentBased, SedMetricResults EventBased,
    SedMetricResults EventBasedOnset, SedMetricOptions Options);
