using System.Globalization;
using CompactConv.Data.Audio;

namespace CompactConv.Data.Events;

/// <summary>
/// URBAN-SED's simplified annotation of one clip: a text file with one event per line, tab-separated
/// onset and offset in seconds and a label, no header. An empty file is a clip without events.
/// </summary>
internal static class EventTextFile
{
    /// <summary>
    /// The events of <paramref name="path"/> for clip <paramref name="fileName"/>, or null when a line is
    /// malformed: every such line is added to <paramref name="problems"/>, and the clip is left out because
    /// an annotation missing an event would teach that the sound is absent.
    /// </summary>
    /// <param name="path">The annotation file.</param>
    /// <param name="relativeName">Its name in problem texts.</param>
    /// <param name="fileName">The audio file's name, the events' <see cref="SoundEvent.File"/>.</param>
    /// <param name="problems">Where malformed lines go.</param>
    public static List<AnnotatedEvent>? Read(string path, string relativeName, string fileName, ProblemList problems)
    {
        var events = new List<AnnotatedEvent>();
        int problemsBefore = problems.Count;
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (text.Trim().Length == 0)
                continue;
            string where = string.Create(CultureInfo.InvariantCulture, $"{relativeName} line {line}");
            string[] fields = text.Split('\t').Select(f => f.Trim()).ToArray();
            if (fields.Length != 3)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{where}: expected 3 tab-separated columns (onset, offset, label), found {fields.Length}"));
                continue;
            }
            if (Problem(fields) is { } problem)
                problems.Add($"{where}: {problem}");
            else
                events.Add(new AnnotatedEvent(new SoundEvent(fileName, Seconds(fields[0])!.Value, Seconds(fields[1])!.Value, fields[2]), where));
        }
        return problems.Count == problemsBefore ? events : null;
    }

    private static string? Problem(string[] fields)
    {
        double? onset = Seconds(fields[0]), offset = Seconds(fields[1]);
        if (onset is null)
            return $"onset '{fields[0]}' is not a number of seconds";
        if (offset is null)
            return $"offset '{fields[1]}' is not a number of seconds";
        if (onset < 0)
            return string.Create(CultureInfo.InvariantCulture, $"onset {onset} is negative");
        if (onset > offset)
            return string.Create(CultureInfo.InvariantCulture, $"onset {onset} is after offset {offset}");
        if (fields[2].Length == 0)
            return "empty label";
        return null;
    }

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;
}
