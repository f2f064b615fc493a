using System.Globalization;

// TEMPORARY STAND-IN: the real EventListTsv.cs comes from another branch; delete this file when merging it.
namespace CompactConv.Data.Events;

/// <summary>The events of a list of files, and every file it names (also those without events), in first-seen order.</summary>
/// <param name="Files">Every file named, in first-seen order.</param>
/// <param name="Events">The events, in file order.</param>
public sealed record EventList(IReadOnlyList<string> Files, IReadOnlyList<SoundEvent> Events);

/// <summary>Stand-in for the tab-separated event list reader and writer (header filename, onset, offset, event_label).</summary>
public static class EventListTsv
{
    private static readonly string[] Header = ["filename", "onset", "offset", "event_label"];

    /// <summary>Reads <paramref name="path"/>; rows with empty onset, offset and label name a file without events.</summary>
    /// <exception cref="DataException">Any malformed row or unknown label, listed with line numbers.</exception>
    public static EventList Read(string path, IReadOnlyCollection<string>? knownLabels = null)
    {
        if (!File.Exists(path))
            throw new DataException(path, "file not found");
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').Select(c => c.Trim()).SequenceEqual(Header))
            throw new DataException(path, "line 1: expected the header filename, onset, offset, event_label");
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<SoundEvent>();
        var problems = new List<string>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            string where = string.Create(CultureInfo.InvariantCulture, $"line {i + 1}");
            string[] f = lines[i].Split('\t').Select(c => c.Trim()).ToArray();
            if (f.Length != 4 || f[0].Length == 0)
            {
                problems.Add($"{where}: expected 4 columns");
                continue;
            }
            if (seen.Add(f[0]))
                files.Add(f[0]);
            if (f[1].Length == 0 && f[2].Length == 0 && f[3].Length == 0)
                continue;
            if (!double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double onset)
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double offset))
                problems.Add($"{where}: onset or offset is not a number");
            else if (onset < 0 || onset > offset)
                problems.Add($"{where}: onset must be at least 0 and not after offset");
            else if (knownLabels is not null && !knownLabels.Contains(f[3]))
                problems.Add($"{where}: unknown label '{f[3]}'");
            else
                events.Add(new SoundEvent(f[0], onset, offset, f[3]));
        }
        if (problems.Count > 0)
            throw new DataException(path, string.Join("; ", problems));
        return new EventList(files, events);
    }

    /// <summary>Writes the events, and an empty row for each file without events.</summary>
    public static void Write(string path, IEnumerable<SoundEvent> events, IEnumerable<string>? filesWithoutEvents = null)
    {
        var lines = new List<string> { string.Join('\t', Header) };
        lines.AddRange(events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.File}\t{e.Onset:0.000###}\t{e.Offset:0.000###}\t{e.Label}")));
        lines.AddRange((filesWithoutEvents ?? []).Select(f => $"{f}\t\t\t"));
        File.WriteAllLines(path, lines);
    }
}
