using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// What the segment-based and event-based metrics share (sed_eval's SoundEventMetrics): the label
/// list, the totals accumulated file by file, and the scores computed from them.
/// </summary>
public abstract class SoundEventMetrics
{
    private readonly Dictionary<string, int> _labelIndex = new(StringComparer.Ordinal);
    private readonly long[] _classTruePositives;
    private readonly long[] _classReference;
    private readonly long[] _classEstimated;
    private long _truePositives, _reference, _estimated, _substitutions, _deletions, _insertions;

    /// <summary>Creates an empty accumulator for <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">A label is empty or listed twice.</exception>
    private protected SoundEventMetrics(IEnumerable<string> labels)
    {
        Labels = labels.ToArray();
        foreach (string label in Labels)
        {
            if (string.IsNullOrEmpty(label)) throw new ArgumentException("the label list holds an empty label");
            if (!_labelIndex.TryAdd(label, _labelIndex.Count)) throw new ArgumentException($"the label list holds '{label}' twice");
        }
        _classTruePositives = new long[Labels.Count];
        _classReference = new long[Labels.Count];
        _classEstimated = new long[Labels.Count];
    }

    /// <summary>The classes evaluated, in the order of the class-wise results.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Whether precision is 0 instead of NaN when there is no system output (sed_eval's 'zero_score').</summary>
    public bool ZeroScoreForEmptyOutput { get; private protected init; }

    /// <summary>Number of file pairs evaluated so far.</summary>
    public int FilesEvaluated { get; private set; }

    /// <summary>Overall, class-wise and class-wise average scores of everything evaluated so far.</summary>
    public SedMetricResults Results()
    {
        var counts = new SedCounts(_reference, _estimated, _truePositives, _substitutions, _deletions, _insertions);
        var classes = Labels.Select((label, k) =>
            SedScoring.Class(label, _classTruePositives[k], _classReference[k], _classEstimated[k], ZeroScoreForEmptyOutput)).ToArray();
        return new SedMetricResults(SedScoring.Overall(counts, ZeroScoreForEmptyOutput), classes, SedScoring.Average(classes), FilesEvaluated);
    }

    /// <summary>
    /// The class index of every event of one file's list, checking what sed_eval's evaluate requires:
    /// all events name the same file, and every label is in the label list.
    /// </summary>
    private protected int[] ClassesOf(IReadOnlyList<SoundEvent> events, string which)
    {
        var classes = new int[events.Count];
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.File != events[0].File)
                throw new ArgumentException($"the {which} events name two files ('{events[0].File}', '{e.File}'); evaluate file by file");
            if (!_labelIndex.TryGetValue(e.Label, out classes[i]))
                throw new ArgumentException($"{which} event label '{e.Label}' of '{e.File}' is not in the label list");
            if (!(e.Onset >= 0) || !(e.Offset >= e.Onset) || !double.IsFinite(e.Offset))
                throw new ArgumentException($"{which} event '{e.Label}' of '{e.File}' has impossible times {e.Onset}-{e.Offset}");
        }
        return classes;
    }

    /// <summary>Adds one file's overall totals.</summary>
    private protected void AddOverall(long truePositives, long reference, long estimated, long substitutions, long deletions, long insertions)
    {
        _truePositives += truePositives;
        _reference += reference;
        _estimated += estimated;
        _substitutions += substitutions;
        _deletions += deletions;
        _insertions += insertions;
    }

    /// <summary>Adds one file's totals of class <paramref name="k"/>.</summary>
    private protected void AddClass(int k, long truePositives, long reference, long estimated)
    {
        _classTruePositives[k] += truePositives;
        _classReference[k] += reference;
        _classEstimated[k] += estimated;
    }

    /// <summary>Counts one more evaluated file.</summary>
    private protected void CountFile() => FilesEvaluated++;
}
