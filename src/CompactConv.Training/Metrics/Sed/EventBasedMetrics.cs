using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// Event-based sound event detection metrics, as sed_eval.sound_event.EventBasedMetrics with its
/// default 'optimal' event matching: an estimated event is correct when it has the reference event's
/// label, its onset is within the collar of the reference onset and (unless only onsets are
/// evaluated) its offset is within max(collar, ratio x reference length) of the reference offset;
/// each event counts once, and the most correct pairs are found by maximum bipartite matching.
/// Evaluate every file pair, then read <see cref="SoundEventMetrics.Results"/>.
/// </summary>
public sealed class EventBasedMetrics : SoundEventMetrics
{
    // Widening of the search window, so that rounding in its bounds never hides a pair that the exact
    // collar test accepts; the exact test decides.
    private const double WindowSlack = 1e-6;

    /// <summary>An empty accumulator.</summary>
    /// <param name="labels">The classes; every event evaluated must have one of them.</param>
    /// <param name="collarSeconds">Onset collar and least offset collar (sed_eval's t_collar).</param>
    /// <param name="offsetRatio">Offset collar as a fraction of the reference length (sed_eval's percentage_of_length; its own default is 0.5).</param>
    /// <param name="evaluateOnset">Whether the onset must be within the collar.</param>
    /// <param name="evaluateOffset">Whether the offset must be within the offset collar.</param>
    /// <param name="zeroScoreForEmptyOutput">Precision 0 instead of NaN without system output (sed_eval's empty_system_output_handling='zero_score').</param>
    /// <exception cref="ArgumentException">An empty or repeated label, a negative collar, a ratio outside [0, 1], or neither onset nor offset evaluated.</exception>
    public EventBasedMetrics(IEnumerable<string> labels, double collarSeconds = 0.2, double offsetRatio = 0.2,
        bool evaluateOnset = true, bool evaluateOffset = true, bool zeroScoreForEmptyOutput = false) : base(labels)
    {
        new SedMetricOptions { CollarSeconds = collarSeconds, OffsetRatio = offsetRatio }.Validate();
        if (!evaluateOnset && !evaluateOffset)
            throw new ArgumentException("an event-based evaluation needs the onset, the offset or both");
        CollarSeconds = collarSeconds;
        OffsetRatio = offsetRatio;
        EvaluateOnset = evaluateOnset;
        EvaluateOffset = evaluateOffset;
        ZeroScoreForEmptyOutput = zeroScoreForEmptyOutput;
    }

    /// <summary>Onset collar in seconds.</summary>
    public double CollarSeconds { get; }

    /// <summary>Offset collar as a fraction of the reference event's length (at least <see cref="CollarSeconds"/>).</summary>
    public double OffsetRatio { get; }

    /// <summary>Whether onsets are compared.</summary>
    public bool EvaluateOnset { get; }

    /// <summary>Whether offsets are compared.</summary>
    public bool EvaluateOffset { get; }

    /// <summary>
    /// Adds one file. After matching, a leftover reference event is substituted by the first leftover
    /// estimated event (in list order) that meets the time conditions whatever its label, as sed_eval
    /// counts substitutions; the remaining reference events are deletions and the remaining estimated
    /// events insertions. The order of the events in each list therefore matters, as it does in sed_eval.
    /// </summary>
    /// <param name="reference">The reference events of one file (may be empty).</param>
    /// <param name="estimated">The system's events of the same file (may be empty).</param>
    /// <exception cref="ArgumentException">Events of two files in one list, an unknown label, or impossible times.</exception>
    public void Evaluate(IReadOnlyList<SoundEvent> reference, IReadOnlyList<SoundEvent> estimated)
    {
        int[] referenceClasses = ClassesOf(reference, "reference");
        int[] estimatedClasses = ClassesOf(estimated, "estimated");
        var (starts, candidates) = TimeMatches(reference, estimated);

        var edges = new List<(int, int)>();
        for (int j = 0; j < reference.Count; j++)
        {
            for (int c = starts[j]; c < starts[j + 1]; c++)
            {
                if (referenceClasses[j] == estimatedClasses[candidates[c]]) edges.Add((j, candidates[c]));
            }
        }
        int[] matchOf = BipartiteMatching.Match(reference.Count, estimated.Count, edges);

        int classes = Labels.Count;
        var truePositives = new long[classes];
        var referenceCount = new long[classes];
        var estimatedCount = new long[classes];
        var estimatedUsed = new bool[estimated.Count];
        foreach (int k in estimatedClasses) estimatedCount[k]++;
        long matched = 0;
        for (int j = 0; j < reference.Count; j++)
        {
            referenceCount[referenceClasses[j]]++;
            if (matchOf[j] < 0) continue;
            estimatedUsed[matchOf[j]] = true;
            truePositives[referenceClasses[j]]++;
            matched++;
        }
        long substitutions = 0;
        for (int j = 0; j < reference.Count; j++)
        {
            if (matchOf[j] >= 0) continue;
            for (int c = starts[j]; c < starts[j + 1]; c++)
            {
                if (estimatedUsed[candidates[c]]) continue;
                estimatedUsed[candidates[c]] = true;
                substitutions++;
                break;
            }
        }
        AddOverall(matched, reference.Count, estimated.Count, substitutions,
            reference.Count - matched - substitutions, estimated.Count - matched - substitutions);
        for (int k = 0; k < classes; k++)
            AddClass(k, truePositives[k], referenceCount[k], estimatedCount[k]);
        CountFile();
    }

    /// <summary>Whether <paramref name="estimated"/> meets the time conditions of <paramref name="reference"/> (sed_eval's validate_onset and validate_offset).</summary>
    public bool TimesMatch(SoundEvent reference, SoundEvent estimated) =>
        (!EvaluateOnset || Math.Abs(reference.Onset - estimated.Onset) <= CollarSeconds) &&
        (!EvaluateOffset || Math.Abs(reference.Offset - estimated.Offset) <= OffsetCollar(reference));

    private double OffsetCollar(SoundEvent reference) => Math.Max(CollarSeconds, OffsetRatio * (reference.Offset - reference.Onset));

    // For each reference event j, the estimated events meeting its time conditions in ascending index
    // order: candidates[starts[j] .. starts[j + 1]). Found through the estimated events sorted by the
    // compared time, so a long recording costs n log n, not n x m.
    private (int[] Starts, int[] Candidates) TimeMatches(IReadOnlyList<SoundEvent> reference, IReadOnlyList<SoundEvent> estimated)
    {
        var keys = new double[estimated.Count];
        var order = new int[estimated.Count];
        for (int i = 0; i < estimated.Count; i++)
        {
            keys[i] = EvaluateOnset ? estimated[i].Onset : estimated[i].Offset;
            order[i] = i;
        }
        Array.Sort(keys, order);

        var starts = new int[reference.Count + 1];
        var candidates = new List<int>();
        for (int j = 0; j < reference.Count; j++)
        {
            var r = reference[j];
            double key = EvaluateOnset ? r.Onset : r.Offset;
            double reach = (EvaluateOnset ? CollarSeconds : OffsetCollar(r)) + WindowSlack;
            int first = candidates.Count;
            for (int p = LowerBound(keys, key - reach); p < keys.Length && keys[p] <= key + reach; p++)
            {
                if (TimesMatch(r, estimated[order[p]])) candidates.Add(order[p]);
            }
            candidates.Sort(first, candidates.Count - first, null);
            starts[j + 1] = candidates.Count;
        }
        return (starts, candidates.ToArray());
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
