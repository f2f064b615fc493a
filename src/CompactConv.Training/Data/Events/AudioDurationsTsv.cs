using System.Globalization;
using System.Text;
using CompactConv.Data.Audio;
using CompactConv.IO;

namespace CompactConv.Data.Events;

/// <summary>
/// Audio lengths as psds_eval's metadata table: a tab-separated file with the header
/// <c>filename duration</c> (other columns ignored), one row per audio file, seconds with a decimal point.
/// </summary>
public static class AudioDurationsTsv
{
    /// <summary>The header written, and the columns looked for when reading.</summary>
    public static readonly IReadOnlyList<string> Columns = ["filename", "duration"];

    /// <summary>Reads the durations by file name, in file order, checking that every duration is a positive number and no file is listed twice.</summary>
    /// <exception cref="DataException">The file is missing or has problems; all of them are listed with their line numbers.</exception>
    public static IReadOnlyDictionary<string, double> Read(string path)
    {
        var full = Path.GetFullPath(path);
        var problems = new ProblemList();
        var table = DelimitedTable.Read(Path.GetDirectoryName(full)!, Path.GetFileName(full), "audio durations file", '\t', Columns, problems);
        var durations = new Dictionary<string, double>(StringComparer.Ordinal);
        if (table is not null)
        {
            int file = table.Column("filename"), duration = table.Column("duration");
            foreach (var row in table.TakeRows())
            {
                string name = row.Fields[file], text = row.Fields[duration];
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds) || seconds <= 0)
                    problems.Add($"{row.Where}: duration '{text}' is not a positive number of seconds");
                else if (!durations.TryAdd(name, seconds))
                    problems.Add($"{row.Where}: {name} is listed twice");
            }
        }
        if (problems.Count > 0)
            throw problems.ToException(path);
        return durations;
    }

    /// <summary>Writes the durations atomically, in the shortest text that reads back as the same number.</summary>
    /// <exception cref="ArgumentException">A file name holds a tab or line break, or a duration is not a positive number.</exception>
    public static void Write(string path, IEnumerable<KeyValuePair<string, double>> durations)
    {
        var text = new StringBuilder(string.Join('\t', Columns)).Append('\n');
        foreach (var (file, seconds) in durations)
        {
            if (!(seconds > 0) || !double.IsFinite(seconds))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the duration of {file} must be a positive number of seconds, got {seconds}"));
            text.Append(TsvText.Checked(file, "file name")).Append('\t').Append(seconds.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        AtomicFile.WriteText(path, text.ToString());
    }
}
