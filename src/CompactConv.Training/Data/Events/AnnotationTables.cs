using CompactConv.Data.Audio;

namespace CompactConv.Data.Events;

/// <summary>
/// Reads the tab-separated annotation files of the desed and tsv layouts (and of explicit split files):
/// strong event lists through <see cref="EventListTsv"/>, weak label lists as a <see cref="DelimitedTable"/>.
/// Training files are read first because their labels are the classes the other splits are checked against.
/// </summary>
internal static class AnnotationTables
{
    /// <summary>Reads every source and assembles the splits.</summary>
    /// <param name="dataDir">The dataset folder (absolute).</param>
    /// <param name="sources">The annotation files and their audio folders.</param>
    /// <param name="official">The dataset's official classes, to flag training labels outside them; null for none.</param>
    /// <param name="dataset">The dataset's name in texts.</param>
    /// <param name="options">Skipping, hold-out and seed.</param>
    /// <param name="origin">Dataset and folder, for <see cref="EventSplits.Source"/>.</param>
    public static EventSplits Load(string dataDir, IReadOnlyList<EventSource> sources, IReadOnlyList<string>? official,
        string dataset, EventDatasetOptions options, string origin)
    {
        var problems = new ProblemList();
        var collector = new EventClipCollector(dataDir, problems);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var unread = new HashSet<string>(StringComparer.Ordinal);
        var training = sources.Where(s => s.Split == EventSplit.Train).ToList();
        foreach (var source in training)
            Read(dataDir, source, null, collector, named, unread, problems);
        bool trainingFailed = problems.HasFatal;
        var classNames = EventClasses.FromTraining(collector.Clips);
        // The other splits' labels are checked against the training labels. Without all of them (a
        // training list could not be read, or none names a label), their events would be reported as
        // unknown labels, burying the cause: they are then read for problems of their own only, and the
        // load stops before the assembler repeats the cascade. With skipping, the reader's own check
        // is off and the assembler drops just the events of unknown labels.
        bool labelsKnown = !trainingFailed && classNames.Count > 0;
        var known = options.SkipBad || !labelsKnown ? null : classNames.ToHashSet(StringComparer.Ordinal);
        foreach (var source in sources.Where(s => s.Split != EventSplit.Train))
            Read(dataDir, source, known, collector, named, unread, problems);
        ReportUnannotated(dataDir, sources.Where(s => !unread.Contains(s.AudioFolder)), named, problems);
        if (!labelsKnown)
        {
            if (!trainingFailed)
                problems.AddFatal($"{string.Join(", ", training.Select(s => EventPaths.Relative(dataDir, s.Annotations)))}: no labels, so there are no classes to learn");
            throw problems.ToException(dataDir);
        }

        var notes = new List<string>();
        EventClasses.NoteUnofficial(classNames, official, dataset, notes);
        return EventAssembler.Assemble(collector.Clips, classNames, problems, notes, options, dataDir, origin);
    }

    // A folder whose annotation file could not be read is left out of the unannotated-audio check (in
    // unread): every file in it would look unannotated.
    private static void Read(string dataDir, EventSource source, IReadOnlyCollection<string>? known,
        EventClipCollector collector, HashSet<string> named, HashSet<string> unread, ProblemList problems)
    {
        string relative = EventPaths.Relative(dataDir, source.Annotations);
        bool found = true;
        if (!File.Exists(source.Annotations))
        {
            problems.AddFatal($"{relative}: missing {(source.Weak ? "weak label" : "event")} file");
            found = false;
        }
        if (!Directory.Exists(source.AudioFolder))
        {
            problems.AddFatal($"{EventPaths.Relative(dataDir, source.AudioFolder)}: missing audio folder of {relative}");
            found = false;
        }
        if (!found)
            return;
        bool read = source.Weak
            ? ReadWeak(dataDir, source, relative, collector, named, problems)
            : ReadStrong(source, relative, known, collector, named, problems);
        if (!read)
            unread.Add(source.AudioFolder);
    }

    private static bool ReadStrong(EventSource source, string relative, IReadOnlyCollection<string>? known,
        EventClipCollector collector, HashSet<string> named, ProblemList problems)
    {
        EventList list;
        try
        {
            list = EventListTsv.Read(source.Annotations, known);
        }
        catch (DataException e)
        {
            problems.AddFatal(e.Message);
            return false;
        }
        var byFile = list.Events.ToLookup(e => e.File, StringComparer.Ordinal);
        foreach (string file in list.Files)
        {
            named.Add(Path.GetFullPath(file, source.AudioFolder));
            // The event list carries no line numbers; file and times identify the row.
            var events = byFile[file].Select(e => new AnnotatedEvent(e, FormattableString.Invariant(
                $"{relative}: {file} event {e.Onset:0.###}-{e.Offset:0.###} s"))).ToList();
            collector.Add(source.Split, file, source.AudioFolder, $"{relative}: {file}", events, null);
        }
        return true;
    }

    private static bool ReadWeak(string dataDir, EventSource source, string relative,
        EventClipCollector collector, HashSet<string> named, ProblemList problems)
    {
        // An empty label list is a clip with none of the classes, a valid negative example.
        var table = DelimitedTable.Read(dataDir, relative, "weak label file", '\t', ["filename", "event_labels"], problems, mayBeEmpty: ["event_labels"]);
        if (table is null)
            return false;
        int fileColumn = table.Column("filename"), labelColumn = table.Column("event_labels");
        foreach (var row in table.TakeRows())
        {
            string file = row.Fields[fileColumn];
            named.Add(Path.GetFullPath(file, source.AudioFolder));
            var labels = row.Fields[labelColumn].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal).ToList();
            collector.Add(source.Split, file, source.AudioFolder, row.Where, [], labels);
        }
        return true;
    }

    // Audio nobody annotated is either a clip without events that the list forgot, or a stray file;
    // which one only the user knows, so it is a problem (skipping ignores the file).
    private static void ReportUnannotated(string dataDir, IEnumerable<EventSource> sources, HashSet<string> named, ProblemList problems)
    {
        foreach (var folder in sources.GroupBy(s => s.AudioFolder, StringComparer.Ordinal).Where(g => Directory.Exists(g.Key)))
        {
            string lists = string.Join(" or ", folder.Select(s => EventPaths.Relative(dataDir, s.Annotations)));
            foreach (string audio in EventPaths.AudioFiles(folder.Key).Select(f => Path.Combine(folder.Key, f)).Where(f => !named.Contains(f)))
                problems.Add($"{EventPaths.Relative(dataDir, audio)}: audio file not named in {lists}");
        }
    }
}
