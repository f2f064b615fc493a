using System.Globalization;
using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// The reference of a PSDS evaluation: its events by file and class, and the length of every file
/// (psds_eval's ground truth and metadata tables). Counts the true positives, false positives and
/// cross-triggers of one operating point with psds_eval's intersection criteria (<see cref="Count"/>).
/// </summary>
public sealed class PsdsGroundTruth
{
    private readonly Dictionary<string, int> _classIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SoundEvent>[]> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _durations;
    private readonly List<SoundEvent>[] _noEvents;

    /// <summary>
    /// Prepares <paramref name="reference"/>. Zero-length reference events are left out, as psds_eval
    /// does: nothing can intersect them.
    /// </summary>
    /// <param name="reference">The reference list; no two events of one label may overlap in a file (<see cref="EventOverlaps"/>).</param>
    /// <param name="durations">The length in seconds of each file of the reference, and of no other file.</param>
    /// <param name="labels">The classes: every reference event has one of them, and so must every detection.</param>
    /// <exception cref="ArgumentException">Empty or repeated labels, an unknown label, durations that do not match the files,
    /// or overlapping same-label events.</exception>
    public PsdsGroundTruth(EventList reference, IReadOnlyDictionary<string, double> durations, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
            throw new ArgumentException("PSDS needs at least one class");
        foreach (string label in labels)
        {
            if (string.IsNullOrEmpty(label)) throw new ArgumentException("the label list holds an empty label");
            if (!_classIndex.TryAdd(label, _classIndex.Count)) throw new ArgumentException($"the label list holds '{label}' twice");
        }
        if (DurationProblem(reference, durations) is { } durationProblem)
            throw new ArgumentException(durationProblem);
        if (OverlapProblem(reference.Events, "reference") is { } overlap)
            throw new ArgumentException(overlap);

        Labels = labels.ToArray();
        _durations = new Dictionary<string, double>(durations, StringComparer.Ordinal);
        _noEvents = Labels.Select(_ => new List<SoundEvent>()).ToArray();
        var counts = new long[Labels.Count];
        var seconds = new double[Labels.Count];
        foreach (var e in reference.Events)
        {
            int c = ClassOf(e, "reference");
            if (!(e.Offset > e.Onset))
                continue;
            if (!_byFile.TryGetValue(e.File, out var byClass))
                _byFile[e.File] = byClass = Labels.Select(_ => new List<SoundEvent>()).ToArray();
            byClass[c].Add(e);
            counts[c]++;
            seconds[c] += e.Duration;
        }
        EventCounts = counts;
        EventSeconds = seconds;
        TotalSeconds = _durations.Values.Sum();
    }

    /// <summary>The classes, in the order of every per-class figure.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Reference events of each class (zero-length ones left out): the denominators of the true positive rates.</summary>
    public IReadOnlyList<long> EventCounts { get; }

    /// <summary>Seconds of reference events of each class: the denominators of the cross-trigger rates.</summary>
    public IReadOnlyList<double> EventSeconds { get; }

    /// <summary>Seconds of audio in all: the denominator of the false positive rates.</summary>
    public double TotalSeconds { get; }

    /// <summary>
    /// What is wrong with <paramref name="durations"/> for <paramref name="reference"/>, or null: every file the
    /// reference names needs a positive duration, and a duration of a file the reference does not name would
    /// enter the false positive rate without any evaluation of that file.
    /// </summary>
    public static string? DurationProblem(EventList reference, IReadOnlyDictionary<string, double> durations)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(durations);
        var files = reference.Files.Concat(reference.Events.Select(e => e.File)).Distinct(StringComparer.Ordinal).ToList();
        var named = files.ToHashSet(StringComparer.Ordinal);
        if (files.Where(f => !durations.ContainsKey(f)).ToList() is [var missing, ..] missingFiles)
            return $"no duration for {missing}{More(missingFiles.Count, "reference file")}";
        if (durations.Keys.Where(f => !named.Contains(f)).ToList() is [var extra, ..] extraFiles)
            return $"a duration for {extra}, which the reference does not name{More(extraFiles.Count, "such file")}";
        if (durations.FirstOrDefault(d => !(d.Value > 0) || !double.IsFinite(d.Value)) is { Key: not null } bad)
            return string.Create(CultureInfo.InvariantCulture, $"the duration of {bad.Key} is {bad.Value}, not a positive number of seconds");
        return null;
    }

    /// <summary>
    /// A description of a pair of overlapping same-label events among <paramref name="events"/> (the
    /// <paramref name="which"/> events), or null: psds_eval refuses such lists, since the intersection
    /// criteria would count the shared stretch twice.
    /// </summary>
    public static string? OverlapProblem(IEnumerable<SoundEvent> events, string which) =>
        EventOverlaps.FindFirst(events) is var (a, b)
            ? string.Create(CultureInfo.InvariantCulture,
                $"{which} events of one label overlap, which PSDS does not define: {a.File} '{a.Label}' {a.Onset}-{a.Offset} s and {b.Onset}-{b.Offset} s")
            : null;

    /// <summary>
    /// The counts of one operating point (a system's detections at one setting), per psds_eval:
    /// <list type="bullet">
    /// <item>a detection is correct when it intersects reference events of its class and at least
    /// <see cref="PsdsParameters.Dtc"/> of its length lies on them (the DTC);</item>
    /// <item>a reference event is a true positive when correct detections of its class cover at least
    /// <see cref="PsdsParameters.Gtc"/> of it (the GTC);</item>
    /// <item>every other detection that overlaps its file is a false positive, and also a cross-trigger on
    /// each other class whose reference events hold at least <see cref="PsdsParameters.Cttc"/> of its length.</item>
    /// </list>
    /// A correct detection is never a false positive, even when the events it touches miss the GTC.
    /// Fractions are sums over the events intersected, and a criterion is met when the sum reaches it.
    /// Zero-length detections are left out.
    /// </summary>
    /// <param name="detections">The detections, of files of the reference and labels of <see cref="Labels"/>, without same-label overlaps.</param>
    /// <param name="criteria">The parameters whose dtc, gtc and cttc apply.</param>
    /// <exception cref="ArgumentException">A detection of another file or label, impossible times, overlapping same-label detections, or bad criteria.</exception>
    public PsdsCounts Count(IEnumerable<SoundEvent> detections, PsdsParameters criteria)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(criteria);
        criteria.Validate();
        var list = detections as IReadOnlyList<SoundEvent> ?? detections.ToList();
        if (OverlapProblem(list, "estimated") is { } overlap)
            throw new ArgumentException(overlap);
        int classes = Labels.Count;
        var truePositives = new long[classes];
        var falsePositives = new long[classes];
        var crossTriggers = Enumerable.Range(0, classes).Select(_ => new long[classes]).ToArray();
        foreach (var file in list.GroupBy(e => e.File, StringComparer.Ordinal))
        {
            if (!_durations.TryGetValue(file.Key, out double duration))
                throw new ArgumentException($"estimated events of {file.Key}, which is not a file of the reference");
            var truth = _byFile.GetValueOrDefault(file.Key) ?? _noEvents;
            var coverage = truth.Select(events => new double[events.Count]).ToArray();
            foreach (var detection in file)
            {
                int c = ClassOf(detection, "estimated");
                double length = detection.Offset - detection.Onset;
                if (!(length > 0))
                    continue;
                if (Share(detection, truth[c], length) is { } share && share >= criteria.Dtc)
                {
                    for (int i = 0; i < truth[c].Count; i++)
                    {
                        double shared = Overlap(detection, truth[c][i]);
                        if (shared > 0)
                            coverage[c][i] += shared / truth[c][i].Duration;
                    }
                    continue;
                }
                // The file's whole length is psds_eval's "world" event: any incorrect detection inside it is a false positive.
                if (detection.Onset < duration && detection.Offset > 0)
                    falsePositives[c]++;
                for (int j = 0; j < classes; j++)
                {
                    if (j != c && Share(detection, truth[j], length) is { } cross && cross >= criteria.Cttc)
                        crossTriggers[c][j]++;
                }
            }
            for (int c = 0; c < classes; c++)
                truePositives[c] += coverage[c].Count(covered => covered > 0 && covered >= criteria.Gtc);
        }
        return new PsdsCounts(truePositives, falsePositives, crossTriggers);
    }

    // The summed fraction of the detection lying on the events it intersects, or null when it intersects none.
    private static double? Share(SoundEvent detection, List<SoundEvent> events, double length)
    {
        double? share = null;
        foreach (var e in events)
        {
            double overlap = Overlap(detection, e);
            if (overlap > 0)
                share = (share ?? 0) + overlap / length;
        }
        return share;
    }

    private static double Overlap(SoundEvent a, SoundEvent b) => Math.Min(a.Offset, b.Offset) - Math.Max(a.Onset, b.Onset);

    private int ClassOf(SoundEvent e, string which)
    {
        if (!_classIndex.TryGetValue(e.Label, out int c))
            throw new ArgumentException($"{which} event label '{e.Label}' of {e.File} is not in the label list");
        if (!(e.Onset >= 0) || !(e.Offset >= e.Onset) || !double.IsFinite(e.Offset))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{which} event '{e.Label}' of {e.File} has impossible times {e.Onset}-{e.Offset}"));
        return c;
    }

    private static string More(int count, string what) =>
        count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {count - 1} more {what}{(count > 2 ? "s" : "")})") : "";
}
