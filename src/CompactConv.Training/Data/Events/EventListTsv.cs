using System.Globalization;
using System.Text;
using CompactConv.Data.Audio;
using CompactConv.IO;

namespace CompactConv.Data.Events;

/// <summary>
/// Event lists as tab-separated files with the header <c>filename onset offset event_label</c>, the
/// format of DCASE's sound event detection tasks (DESED). Columns are found by name, so extra
/// columns are allowed; a row whose onset, offset and label are all empty declares a file without
/// events. Times are seconds written with the invariant culture.
/// </summary>
public static class EventListTsv
{
    /// <summary>The header written, and the column names looked for when reading.</summary>
    public static readonly IReadOnlyList<string> Columns = ["filename", "onset", "offset", "event_label"];

    // Known labels listed in a problem text; a long class list would drown the line.
    private const int LabelsShown = 10;

    /// <summary>The extra column <see cref="ReadScored"/> requires: each event's confidence.</summary>
    public const string ScoreColumn = "score";

    /// <summary>
    /// Reads an event list, checking every row: numbers parse, 0 &lt;= onset &lt;= offset, the label is
    /// present and, when <paramref name="knownLabels"/> is given, one of them.
    /// </summary>
    /// <param name="path">The TSV file.</param>
    /// <param name="knownLabels">The allowed labels, or null to accept any non-empty label.</param>
    /// <exception cref="DataException">The file is missing, or has problems; all of them are listed with their line numbers.</exception>
    public static EventList Read(string path, IReadOnlyCollection<string>? knownLabels = null)
    {
        var (files, events) = ReadRows(path, knownLabels, scored: false);
        return new EventList(files, events.Select(e => e.Event).ToList());
    }

    /// <summary>
    /// Reads an event list that also has a <c>score</c> column (a system's confidence in each event), with
    /// the checks of <see cref="Read"/>; an event's score must be a finite number, and a row declaring a
    /// file without events leaves it empty.
    /// </summary>
    /// <exception cref="DataException">The file is missing, lacks the score column, or has problems.</exception>
    public static ScoredEventList ReadScored(string path, IReadOnlyCollection<string>? knownLabels = null)
    {
        var (files, events) = ReadRows(path, knownLabels, scored: true);
        return new ScoredEventList(files, events);
    }

    private static (List<string> Files, List<ScoredEvent> Events) ReadRows(string path, IReadOnlyCollection<string>? knownLabels, bool scored)
    {
        if (!File.Exists(path))
            throw new DataException(path, "no such event list file");
        var known = knownLabels is null ? null : new HashSet<string>(knownLabels, StringComparer.Ordinal);
        var problems = new ProblemList();
        var files = new List<string>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<ScoredEvent>();

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int[]? columns = ReadHeader(reader.ReadLine(), scored ? [.. Columns, ScoreColumn] : Columns, problems);
        if (columns is null)
            throw problems.ToException(path);

        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
                continue;
            var row = ParseRow(line, columns, lineNumber, known, problems);
            if (row.File is null)
                continue;
            if (seenFiles.Add(row.File))
                files.Add(row.File);
            if (row.Event is not null)
                events.Add(row.Event);
        }
        if (problems.Count > 0)
            throw problems.ToException(path);
        return (files, events);
    }

    /// <summary>
    /// Writes <paramref name="events"/> in the given order, then one row with empty onset, offset and
    /// label for each of <paramref name="filesWithoutEvents"/> that has no event, atomically. Times are
    /// rounded to milliseconds, or with <paramref name="exactTimes"/> written in the shortest form that
    /// reads back as the same number (for lists that must score exactly as they were scored).
    /// </summary>
    /// <exception cref="ArgumentException">A file name or label holds a tab or line break, or a time is not finite.</exception>
    public static void Write(string path, IEnumerable<SoundEvent> events, IEnumerable<string>? filesWithoutEvents = null, bool exactTimes = false) =>
        AtomicFile.WriteText(path, Format(events, filesWithoutEvents, exactTimes));

    /// <summary>The text <see cref="Write"/> puts in a file (for printing an event list).</summary>
    /// <exception cref="ArgumentException">A file name or label holds a tab or line break, or a time is not finite.</exception>
    public static string Format(IEnumerable<SoundEvent> events, IEnumerable<string>? filesWithoutEvents = null, bool exactTimes = false)
    {
        var text = new StringBuilder();
        text.Append(string.Join('\t', Columns)).Append('\n');
        var filesWithEvents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            filesWithEvents.Add(e.File);
            text.Append(TsvText.Checked(e.File, "file name")).Append('\t')
                .Append(Seconds(e.Onset, exactTimes)).Append('\t')
                .Append(Seconds(e.Offset, exactTimes)).Append('\t')
                .Append(TsvText.Checked(e.Label, "label")).Append('\n');
        }
        foreach (var file in (filesWithoutEvents ?? []).Distinct(StringComparer.Ordinal))
        {
            if (!filesWithEvents.Contains(file))
                text.Append(TsvText.Checked(file, "file name")).Append("\t\t\t\n");
        }
        return text.ToString();
    }

    private readonly record struct Row(string? File, ScoredEvent? Event);

    // Column indices of the wanted columns (filename, onset, offset, event_label and maybe score), or null
    // with the problem recorded.
    private static int[]? ReadHeader(string? header, IReadOnlyList<string> wanted, ProblemList problems)
    {
        if (header is null || header.Trim().Length == 0)
        {
            problems.AddFatal($"line 1: no header, expected the tab-separated columns {string.Join(", ", wanted)}");
            return null;
        }
        var names = header.Split('\t').Select(n => n.Trim()).ToList();
        int[] columns = wanted.Select(c => names.IndexOf(c)).ToArray();
        var missing = wanted.Where((_, i) => columns[i] < 0).ToArray();
        if (missing.Length == 0)
            return columns;
        problems.AddFatal($"line 1: header lacks {(missing.Length == 1 ? "column" : "columns")} {string.Join(", ", missing)} " +
            $"(found {string.Join(", ", names.Select(n => $"'{n}'"))}; is the file tab-separated?)");
        return null;
    }

    private static Row ParseRow(string line, int[] columns, int lineNumber, HashSet<string>? known, ProblemList problems)
    {
        string[] fields = line.Split('\t');
        // Writers differ in whether they keep the trailing tabs of an empty row; missing fields are empty.
        string Field(int column) => columns[column] < fields.Length ? fields[columns[column]].Trim() : "";
        string where = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
        string file = Field(0), onsetText = Field(1), offsetText = Field(2), label = Field(3);
        bool scored = columns.Length > Columns.Count;
        string scoreText = scored ? Field(4) : "";

        if (file.Length == 0)
        {
            problems.Add($"{where}: empty filename");
            return default;
        }
        if (onsetText.Length == 0 && offsetText.Length == 0 && label.Length == 0 && scoreText.Length == 0)
            return new Row(file, null);

        int before = problems.Count;
        var values = new[] { ("onset", onsetText), ("offset", offsetText), ("event_label", label) }.Concat(scored ? [(ScoreColumn, scoreText)] : []).ToArray();
        var empty = values.Where(v => v.Item2.Length == 0).Select(v => v.Item1).ToArray();
        if (empty.Length > 0)
        {
            string all = string.Join(", ", values[..^1].Select(v => v.Item1)) + " and " + values[^1].Item1;
            problems.Add($"{where}: empty {string.Join(", ", empty)} (a file without events leaves {all} all empty)");
        }
        double? onset = onsetText.Length == 0 ? null : Number(onsetText, "onset", where, problems);
        double? offset = offsetText.Length == 0 ? null : Number(offsetText, "offset", where, problems);
        double? score = scoreText.Length == 0 ? null : Number(scoreText, ScoreColumn, where, problems);
        if (onset < 0)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: onset {onset} is negative"));
        if (onset is { } start && offset is { } end && end < start)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: offset {end} is before onset {start}"));
        if (label.Length > 0 && known is not null && !known.Contains(label))
            problems.Add($"{where}: event_label '{label}' is not one of the known labels ({KnownText(known)})");
        return problems.Count > before ? new Row(file, null)
            : new Row(file, new ScoredEvent(new SoundEvent(file, onset!.Value, offset!.Value, label), score ?? double.NaN));
    }

    private static double? Number(string text, string column, string where, ProblemList problems)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            return value;
        problems.Add($"{where}: {column} '{text}' is not a number");
        return null;
    }

    private static string KnownText(HashSet<string> known)
    {
        var sorted = known.Order(StringComparer.Ordinal).ToList();
        string shown = string.Join(", ", sorted.Take(LabelsShown));
        return sorted.Count > LabelsShown ? string.Create(CultureInfo.InvariantCulture, $"{shown}, ... {sorted.Count} in all") : shown;
    }

    private static string Seconds(double value, bool exact)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"event time {value} is not finite");
        // Adding zero turns -0 into 0, which would otherwise print as "-0"; unrounded, .NET writes the
        // shortest text that parses back to the same double.
        return (exact ? value + 0.0 : Math.Round(value, 3, MidpointRounding.AwayFromZero) + 0.0)
            .ToString(exact ? "R" : "0.###", CultureInfo.InvariantCulture);
    }
}
