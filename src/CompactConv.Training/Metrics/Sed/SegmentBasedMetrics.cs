using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// Segment-based sound event detection metrics, as sed_eval.sound_event.SegmentBasedMetrics: each file
/// is cut into fixed segments, a class is active in a segment when an event of it overlaps the segment,
/// and the reference and system activity are compared segment by segment. Evaluate every file pair,
/// then read <see cref="SoundEventMetrics.Results"/>.
/// </summary>
public sealed class SegmentBasedMetrics : SoundEventMetrics
{
    // A file of more cells than this (segments x classes) is a unit mistake, not a recording.
    private const long MaxCells = 1L << 30;

    /// <summary>An empty accumulator.</summary>
    /// <param name="labels">The classes; every event evaluated must have one of them.</param>
    /// <param name="segmentSeconds">Segment length in seconds (sed_eval's time_resolution).</param>
    /// <exception cref="ArgumentException">An empty or repeated label, or a segment length that is not positive.</exception>
    public SegmentBasedMetrics(IEnumerable<string> labels, double segmentSeconds = 1.0) : base(labels)
    {
        if (!(segmentSeconds > 0) || !double.IsFinite(segmentSeconds))
            throw new ArgumentOutOfRangeException(nameof(segmentSeconds), segmentSeconds, "the segment length must be a positive number of seconds");
        SegmentSeconds = segmentSeconds;
    }

    /// <summary>Segment length in seconds.</summary>
    public double SegmentSeconds { get; }

    /// <summary>Total length of the files evaluated, in seconds.</summary>
    public double EvaluatedSeconds { get; private set; }

    /// <summary>
    /// Adds one file: its reference and system events. An event covers the segments from
    /// floor(onset / segment) up to, not including, ceil(offset / segment), so an event that ends on
    /// a segment border does not reach into the next segment. The file is
    /// <paramref name="evaluatedSeconds"/> long, by default the latest offset of either list.
    /// </summary>
    /// <param name="reference">The reference events of one file (may be empty).</param>
    /// <param name="estimated">The system's events of the same file (may be empty).</param>
    /// <param name="evaluatedSeconds">The file's length; events past it are cut off.</param>
    /// <exception cref="ArgumentException">Events of two files in one list, an unknown label, or impossible times.</exception>
    public void Evaluate(IReadOnlyList<SoundEvent> reference, IReadOnlyList<SoundEvent> estimated, double? evaluatedSeconds = null)
    {
        int[] referenceClasses = ClassesOf(reference, "reference");
        int[] estimatedClasses = ClassesOf(estimated, "estimated");
        double length = evaluatedSeconds ?? Math.Max(MaxOffset(reference), MaxOffset(estimated));
        if (!(length >= 0) || !double.IsFinite(length))
            throw new ArgumentOutOfRangeException(nameof(evaluatedSeconds), length, "the evaluated length must be zero or positive");
        int classes = Labels.Count;
        double segmentCount = Math.Ceiling(length / SegmentSeconds);
        if (segmentCount * classes > MaxCells)
            throw new ArgumentException($"{length} s in {SegmentSeconds} s segments is too long to evaluate; are the times in seconds?");
        int segments = (int)segmentCount;

        bool[] referenceRoll = Roll(reference, referenceClasses, segments, classes);
        bool[] estimatedRoll = Roll(estimated, estimatedClasses, segments, classes);
        var truePositives = new long[classes];
        var referenceActive = new long[classes];
        var estimatedActive = new long[classes];
        long substitutions = 0, deletions = 0, insertions = 0;
        for (int s = 0; s < segments; s++)
        {
            int inReference = 0, inEstimate = 0, hits = 0;
            for (int k = 0, cell = s * classes; k < classes; k++, cell++)
            {
                bool r = referenceRoll[cell], e = estimatedRoll[cell];
                if (r) { inReference++; referenceActive[k]++; }
                if (e) { inEstimate++; estimatedActive[k]++; }
                if (r && e) { hits++; truePositives[k]++; }
            }
            // Within a segment, a missed class and a spurious one pair up as one substitution.
            substitutions += Math.Min(inReference, inEstimate) - hits;
            deletions += Math.Max(0, inReference - inEstimate);
            insertions += Math.Max(0, inEstimate - inReference);
        }
        AddOverall(truePositives.Sum(), referenceActive.Sum(), estimatedActive.Sum(), substitutions, deletions, insertions);
        for (int k = 0; k < classes; k++)
            AddClass(k, truePositives[k], referenceActive[k], estimatedActive[k]);
        EvaluatedSeconds += length;
        CountFile();
    }

    // sed_eval's max_offset: 0 for a list without events.
    private static double MaxOffset(IReadOnlyList<SoundEvent> events)
    {
        double max = 0;
        foreach (var e in events) max = Math.Max(max, e.Offset);
        return max;
    }

    // Activity [segment, class], row-major.
    private bool[] Roll(IReadOnlyList<SoundEvent> events, int[] eventClasses, int segments, int classes)
    {
        var roll = new bool[segments * classes];
        for (int i = 0; i < events.Count; i++)
        {
            int first = (int)Math.Min(segments, Math.Floor(events[i].Onset / SegmentSeconds));
            int end = (int)Math.Min(segments, Math.Ceiling(events[i].Offset / SegmentSeconds));
            for (int s = first; s < end; s++)
                roll[s * classes + eventClasses[i]] = true;
        }
        return roll;
    }
}
