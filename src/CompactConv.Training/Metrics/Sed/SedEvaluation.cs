using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// Evaluates a whole estimated event list against a reference list, file by file, the way the DCASE
/// baselines drive sed_eval: the segment-based, event-based (onset and offset) and event-based
/// (onset only) metrics over the union of the labels of both lists.
/// </summary>
public static class SedEvaluation
{
    /// <summary>
    /// Pairs the lists by file and evaluates every pair. The files are those of the reference
    /// (including its files without events), then any file only the estimate names. A reference file
    /// the estimate has no events for counts all its events as missed; the events of a file only the
    /// estimate names count as insertions (the DCASE baseline scripts loop over the reference files
    /// only and so ignore them; both agree whenever the estimate names only reference files).
    /// </summary>
    /// <param name="reference">The ground truth.</param>
    /// <param name="estimate">The system output.</param>
    /// <param name="options">Segment length, collar and offset ratio.</param>
    /// <param name="labels">The classes to report; by default the labels of both lists in ordinal order.</param>
    /// <exception cref="ArgumentException">Bad options, or an event label outside <paramref name="labels"/>.</exception>
    public static SedEvaluationResult Evaluate(EventList reference, EventList estimate, SedMetricOptions options, IReadOnlyList<string>? labels = null)
    {
        options.Validate();
        labels ??= LabelsOf(reference, estimate);
        var segment = new SegmentBasedMetrics(labels, options.SegmentSeconds);
        var events = new EventBasedMetrics(labels, options.CollarSeconds, options.OffsetRatio,
            zeroScoreForEmptyOutput: options.ZeroScoreForEmptyOutput);
        var onsets = new EventBasedMetrics(labels, options.CollarSeconds, options.OffsetRatio, evaluateOffset: false,
            zeroScoreForEmptyOutput: options.ZeroScoreForEmptyOutput);

        foreach (var pair in PairByFile(reference, estimate))
        {
            segment.Evaluate(pair.Reference, pair.Estimate);
            events.Evaluate(pair.Reference, pair.Estimate);
            onsets.Evaluate(pair.Reference, pair.Estimate);
        }
        return new SedEvaluationResult(segment.Results(), events.Results(), onsets.Results(), options);
    }

    /// <summary>
    /// The file pairing of <see cref="Evaluate"/>, for scorers that compute only part of its metrics (the
    /// event F1 that selects epochs and tunes thresholds): every file of the reference (listed or named by an
    /// event), then every file only the estimate names, each once, with its events in list order.
    /// </summary>
    public static IEnumerable<FileEvents> PairByFile(EventList reference, EventList estimate)
    {
        var referenceByFile = ByFile(reference);
        var estimateByFile = ByFile(estimate);
        var files = reference.Files.Concat(reference.Events.Select(e => e.File))
            .Concat(estimate.Files).Concat(estimate.Events.Select(e => e.File)).Distinct(StringComparer.Ordinal);
        foreach (string file in files)
        {
            yield return new FileEvents(file, referenceByFile.GetValueOrDefault(file) ?? [], estimateByFile.GetValueOrDefault(file) ?? []);
        }
    }

    /// <summary>The labels of both lists, in ordinal order: the classes evaluated by default.</summary>
    public static IReadOnlyList<string> LabelsOf(EventList reference, EventList estimate) =>
        reference.Events.Concat(estimate.Events).Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToArray();

    // Each file's events in list order, which the event-based substitution count depends on.
    private static Dictionary<string, List<SoundEvent>> ByFile(EventList list)
    {
        var byFile = new Dictionary<string, List<SoundEvent>>(StringComparer.Ordinal);
        foreach (var e in list.Events)
        {
            if (!byFile.TryGetValue(e.File, out var events)) byFile[e.File] = events = [];
            events.Add(e);
        }
        return byFile;
    }
}
