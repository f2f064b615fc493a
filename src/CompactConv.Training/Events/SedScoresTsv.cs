using System.Globalization;
using System.Text;
using CompactConv.Data.Audio;
using CompactConv.Data.Events;

namespace CompactConv.Events;

/// <summary>
/// Frame posteriors in sed_scores_eval's score format: a folder with one tab-separated file per audio
/// file, named after the audio file without its extension (<c>a.wav</c> -> <c>a.tsv</c>), with the
/// columns <c>onset</c>, <c>offset</c> and one per class, one row per frame. The frames must follow
/// each other from 0 s at a constant hop, as a frame-wise model writes them.
/// </summary>
public static class SedScoresTsv
{
    // How far a row's times may stray from the evenly spaced grid, as a fraction of the hop: files
    // written by other tools round their times.
    private const double GridTolerance = 0.01;

    /// <summary>sed_scores_eval's name for an audio file: its name without the extension ("a.wav" -> "a").</summary>
    public static string AudioId(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        int dot = fileName.LastIndexOf('.');
        return dot > fileName.LastIndexOf('/') + 1 ? fileName[..dot] : fileName;
    }

    /// <summary>
    /// Writes every clip's posteriors as <c>folder/AUDIO_ID.tsv</c>, frame t spanning [t hop, (t + 1) hop),
    /// times and scores in the shortest text that reads back as the same number. The folder is replaced
    /// as a whole, so no file of an earlier evaluation stays behind.
    /// </summary>
    /// <exception cref="ArgumentException">Two clips with one audio id, a class name or file name holding a tab or
    /// line break, or posteriors whose class count differs from <paramref name="classNames"/>.</exception>
    public static void WriteFolder(string folder, IReadOnlyList<ClipPosteriors> clips, double frameSeconds, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(classNames);
        if (!(frameSeconds > 0) || !double.IsFinite(frameSeconds))
            throw new ArgumentException($"the frame hop must be a positive number of seconds, got {frameSeconds}");
        string header = string.Join('\t', new[] { "onset", "offset" }.Concat(classNames.Select(c => TsvText.Checked(c, "class name"))));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string temp = $"{full}.{Environment.ProcessId}.tmp";
        if (Directory.Exists(temp))
            Directory.Delete(temp, recursive: true);
        try
        {
            foreach (var clip in clips)
            {
                string id = AudioId(TsvText.Checked(clip.File, "file name"));
                if (!ids.Add(id))
                    throw new ArgumentException($"two clips have the audio id '{id}' ({clip.File}); the score format names files by it");
                if (clip.Posteriors.GetLength(1) != classNames.Count)
                    throw new ArgumentException($"{clip.File}: posteriors of {clip.Posteriors.GetLength(1)} classes for {classNames.Count} class names");
                string path = Path.Combine(temp, id + ".tsv");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Format(clip.Posteriors, frameSeconds, header), new UTF8Encoding(false));
            }
            Directory.CreateDirectory(temp);
            if (Directory.Exists(full))
                Directory.Delete(full, recursive: true);
            Directory.Move(temp, full);
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// Reads every <c>.tsv</c> file under <paramref name="folder"/> (other files are ignored), checking that
    /// each has the header <c>onset offset CLASS...</c> with the same classes as the others, numbers in
    /// every field, and frames that follow each other from 0 s at the hop of the first file's first row.
    /// </summary>
    /// <exception cref="DataException">The folder is missing or holds no score file, or files have problems; all of them are listed.</exception>
    public static SedScoresFolder ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DataException(folder, "no such score folder");
        var files = Directory.EnumerateFiles(folder, "*.tsv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new DataException(folder, "holds no .tsv score files (one per audio file: onset, offset, a column per class)");
        var problems = new ProblemList();
        string[]? classes = null;
        string? classesFrom = null;
        double hop = 0;
        var clips = new List<ClipPosteriors>();
        var lastOffsets = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in files)
        {
            var table = ReadFile(Path.Combine(folder, name), name, problems);
            if (table is null)
                continue;
            if (classes is null)
            {
                (classes, classesFrom, hop) = (table.Classes, name, table.Onsets.Length > 0 ? table.Offsets[0] - table.Onsets[0] : 0);
                if (!(hop > 0))
                {
                    problems.Add($"{name} line 2: the first frame has no positive length");
                    continue;
                }
            }
            else if (!table.Classes.SequenceEqual(classes, StringComparer.Ordinal))
            {
                problems.Add($"{name} line 1: classes {string.Join(", ", table.Classes)} differ from {classesFrom}'s {string.Join(", ", classes)}");
                continue;
            }
            if (GridProblem(table, hop) is { } grid)
            {
                problems.Add($"{name} {grid}");
                continue;
            }
            string id = name[..^".tsv".Length];
            clips.Add(new ClipPosteriors(id, table.Scores));
            lastOffsets[id] = table.Offsets[^1];
        }
        if (problems.Count > 0)
            throw problems.ToException(folder);
        return new SedScoresFolder(folder, classes!, hop, clips, lastOffsets);
    }

    private sealed record ScoreTable(string[] Classes, double[] Onsets, double[] Offsets, float[,] Scores);

    private static ScoreTable? ReadFile(string path, string name, ProblemList problems)
    {
        var lines = File.ReadAllLines(path);
        string[] header = lines.Length == 0 ? [] : lines[0].Split('\t').Select(h => h.Trim()).ToArray();
        if (header.Length < 3 || header[0] != "onset" || header[1] != "offset" || header.Skip(2).Any(h => h.Length == 0))
        {
            problems.Add($"{name} line 1: expected the tab-separated header onset, offset and a column per class, found '{(lines.Length == 0 ? "" : lines[0])}'");
            return null;
        }
        var rows = Enumerable.Range(1, lines.Length - 1).Where(i => lines[i].Trim().Length > 0).ToList();
        if (rows.Count == 0)
        {
            problems.Add($"{name}: no frames");
            return null;
        }
        int classes = header.Length - 2, before = problems.Count;
        var onsets = new double[rows.Count];
        var offsets = new double[rows.Count];
        var scores = new float[rows.Count, classes];
        for (int t = 0; t < rows.Count; t++)
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"{name} line {rows[t] + 1}");
            string[] fields = lines[rows[t]].Split('\t');
            if (fields.Length != header.Length)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: expected {header.Length} tab-separated columns, found {fields.Length}"));
                continue;
            }
            for (int k = 0; k < fields.Length; k++)
            {
                string text = fields[k].Trim();
                // Scores are parsed as float directly so that a written float32 reads back bit for bit.
                double time = 0;
                float score = 0;
                bool parsed = k < 2
                    ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out time) && double.IsFinite(time)
                    : float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out score) && float.IsFinite(score);
                if (!parsed)
                {
                    problems.Add($"{where}: {header[k]} '{text}' is not a number");
                    break;
                }
                if (k == 0) onsets[t] = time;
                else if (k == 1) offsets[t] = time;
                else scores[t, k - 2] = score;
            }
        }
        return problems.Count > before ? null : new ScoreTable(header[2..], onsets, offsets, scores);
    }

    // Row t must span about [t hop, (t + 1) hop): frames of one model, following each other from the start of the file.
    private static string? GridProblem(ScoreTable table, double hop)
    {
        for (int t = 0; t < table.Onsets.Length; t++)
        {
            if (Math.Abs(table.Onsets[t] - t * hop) > GridTolerance * hop || Math.Abs(table.Offsets[t] - (t + 1) * hop) > GridTolerance * hop)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"line {t + 2}: frame {t} spans {table.Onsets[t]}-{table.Offsets[t]} s, not {t * hop}-{(t + 1) * hop} s (frames must follow each other from 0 s every {hop} s)");
            }
        }
        return null;
    }

    private static string Format(float[,] posteriors, double frameSeconds, string header)
    {
        var text = new StringBuilder(header).Append('\n');
        for (int t = 0; t < posteriors.GetLength(0); t++)
        {
            text.Append((t * frameSeconds).ToString("R", CultureInfo.InvariantCulture)).Append('\t')
                .Append(((t + 1) * frameSeconds).ToString("R", CultureInfo.InvariantCulture));
            for (int k = 0; k < posteriors.GetLength(1); k++)
                text.Append('\t').Append(posteriors[t, k].ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }
}
