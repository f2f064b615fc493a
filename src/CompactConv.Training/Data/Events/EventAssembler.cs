using System.Globalization;
using CompactConv.Audio;
using CompactConv.Data.Audio;

namespace CompactConv.Data.Events;

/// <summary>
/// The steps every event layout shares once its annotations are read: labels checked against the
/// training classes, audio durations read from the headers, events tidied against them, fail or skip
/// on problems, validation held out when the layout has none.
/// </summary>
internal static class EventAssembler
{
    /// <summary>Turns annotated clips into splits, or fails with every problem found.</summary>
    /// <param name="clips">Clips whose audio exists and whose annotation rows were well formed.</param>
    /// <param name="classNames">The training labels, sorted (<see cref="EventClasses.FromTraining"/>).</param>
    /// <param name="problems">Problems found so far; label and audio problems are added.</param>
    /// <param name="notes">Notes so far; tidying and hold-out notes are added.</param>
    /// <param name="options">Skipping, hold-out fraction and seed.</param>
    /// <param name="errorPath">The file or folder the error is reported against.</param>
    /// <param name="origin">Dataset and folder, for <see cref="EventSplits.Source"/>.</param>
    /// <exception cref="DataException">There are problems and skipping is off, a problem cannot be
    /// skipped, or nothing is left to train on.</exception>
    public static EventSplits Assemble(IReadOnlyList<AnnotatedClip> clips, IReadOnlyList<string> classNames,
        ProblemList problems, List<string> notes, EventDatasetOptions options, string errorPath, string origin)
    {
        var known = classNames.ToHashSet(StringComparer.Ordinal);
        var checkedClips = new List<(AnnotatedClip Clip, double Duration)>();
        foreach (var clip in clips)
        {
            var kept = KnownOnly(clip, known, problems);
            if (Duration(kept, problems) is { } duration)
                checkedClips.Add((kept, duration));
        }

        if (problems.HasFatal || (problems.Count > 0 && !options.SkipBad))
            throw problems.ToException(errorPath);

        var examples = checkedClips.Select(c => (c.Clip.Split, Example: new EventExample(c.Clip.AudioPath, c.Clip.FileName,
            c.Clip.WeakLabels is null ? EventTidy.Tidy(c.Clip.Events, c.Duration, notes) : [], c.Clip.WeakLabels, c.Duration,
            c.Clip.Events.Select(a => a.Event).ToList()))).ToList();
        var train = examples.Where(e => e.Split == EventSplit.Train).Select(e => e.Example).ToList();
        var validation = examples.Where(e => e.Split == EventSplit.Validation).Select(e => e.Example).ToList();
        var test = examples.Where(e => e.Split == EventSplit.Test).Select(e => e.Example).ToList();
        if (train.Count == 0)
        {
            problems.AddFatal("no training clips");
            throw problems.ToException(errorPath);
        }
        // Classes come from the annotations before audio is checked, so skipping can empty one.
        if (options.SkipBad)
            EventClasses.NoteUntrained(classNames, train, "after skipping clips with problems", notes);
        if (validation.Count == 0)
            (train, validation) = EventHoldOut.Split(train, options.HoldOutFraction, options.Seed, classNames, notes);
        if (test.Count == 0)
            notes.Add("the test split is empty");

        string source = string.Create(CultureInfo.InvariantCulture,
            $"{origin}: {train.Count:N0} train / {validation.Count:N0} validation / {test.Count:N0} test clips, {classNames.Count} classes");
        return new EventSplits(train, validation, test, classNames, source, notes, options.SkipBad ? problems.All.ToList() : []);
    }

    // A label the training split lacks cannot be learnt or scored; only that event (or weak label) goes,
    // since its sound is simply background to the classes the model has.
    private static AnnotatedClip KnownOnly(AnnotatedClip clip, HashSet<string> known, ProblemList problems)
    {
        const string Why = "not among the training labels";
        foreach (var e in clip.Events.Where(e => !known.Contains(e.Event.Label)))
            problems.Add($"{e.Where}: unknown label '{e.Event.Label}' ({Why})");
        foreach (string label in clip.WeakLabels?.Where(l => !known.Contains(l)) ?? [])
            problems.Add($"{clip.Where}: unknown label '{label}' ({Why})");
        return clip with
        {
            Events = clip.Events.Where(e => known.Contains(e.Event.Label)).ToList(),
            WeakLabels = clip.WeakLabels?.Where(known.Contains).ToList(),
        };
    }

    private static double? Duration(AnnotatedClip clip, ProblemList problems)
    {
        try
        {
            double seconds = AudioDuration.Seconds(clip.AudioPath);
            if (seconds > 0)
                return seconds;
            problems.Add($"{clip.AudioPath}: the audio has no samples ({clip.Where})");
        }
        catch (DataException e)
        {
            problems.Add($"{e.Message} ({clip.Where})");
        }
        return null;
    }
}
