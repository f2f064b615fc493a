using System.Globalization;
using System.Text;
using CompactConv.IO;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// Writes a demo's results: results.csv (every figure) and report.md (a title, notes and the table of
/// the shown figures with parameters and MACs relative to the standard convolution). Shared by the
/// image demo and the audio demos, so that their outputs have one shape.
/// </summary>
public static class DemoTable
{
    /// <summary>Name of the CSV file in a demo's output folder.</summary>
    public const string CsvFile = "results.csv";

    /// <summary>Name of the Markdown report in a demo's output folder.</summary>
    public const string ReportFile = "report.md";

    /// <summary>
    /// Writes results.csv and report.md into <paramref name="outDir"/>, each atomically. Earlier ones are
    /// never overwritten: they are kept under a timestamp suffix (<see cref="EarlierFiles"/>), and
    /// <paramref name="observer"/> is told so.
    /// </summary>
    public static void Write(string outDir, string title, IEnumerable<string> notes, IReadOnlyList<DemoRow> rows, IDemoObserver observer)
    {
        foreach (var (from, to) in EarlierFiles.Keep(outDir, CsvFile, ReportFile))
            observer.Note($"kept earlier {Path.GetFileName(from)} as {Path.GetFileName(to)}");
        WriteCsv(Path.Combine(outDir, CsvFile), rows);
        AtomicFile.WriteText(Path.Combine(outDir, ReportFile), Report(title, notes, rows));
    }

    /// <summary>
    /// Writes the rows as CSV: conv, op, r, width, params, macs, then one column per figure.
    /// </summary>
    /// <exception cref="ArgumentException">The rows do not all have the same figure columns.</exception>
    public static void WriteCsv(string path, IReadOnlyList<DemoRow> rows)
    {
        var columns = FigureColumns(rows);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var name in new[] { "conv", "op", "r", "width", "params", "macs" }.Concat(columns)) csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Conv);
                csv.WriteField(row.Op);
                csv.WriteField(row.R);
                csv.WriteField(row.Width);
                csv.WriteField(row.Params);
                csv.WriteField(row.Macs);
                foreach (var figure in row.Figures) csv.WriteField(figure.Value);
                csv.NextRecord();
            }
        });
    }

    /// <summary>The Markdown report: <c># title</c>, the notes as a bullet list, then <see cref="Markdown"/>.</summary>
    public static string Report(string title, IEnumerable<string> notes, IReadOnlyList<DemoRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {title}");
        text.AppendLine();
        foreach (var note in notes) text.AppendLine($"- {note}");
        text.AppendLine();
        text.AppendLine(Markdown(rows));
        return text.ToString();
    }

    /// <summary>
    /// The rows as a Markdown table of the shown figures, with parameters and MACs relative to the
    /// first standard row (blank when there is none).
    /// </summary>
    public static string Markdown(IReadOnlyList<DemoRow> rows)
    {
        FigureColumns(rows);
        var shown = rows.Count == 0 ? [] : rows[0].Figures.Where(f => f.Heading is not null).Select(f => f.Heading!).ToList();
        var standard = rows.FirstOrDefault(r => r.Conv == "standard");
        var text = new StringBuilder();
        text.AppendLine("| conv | op | r | width | params | params vs standard | MACs | MACs vs standard |" + string.Concat(shown.Select(h => $" {h} |")));
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|" + string.Concat(shown.Select(_ => "---:|")));
        foreach (var r in rows)
        {
            string paramRatio = standard is null ? "" : Ratio(r.Params, standard.Params);
            string macRatio = standard is null ? "" : Ratio(r.Macs, standard.Macs);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Conv} | {r.Op} | {r.R} | {r.Width} | {r.Params:N0} | {paramRatio} | {r.Macs:N0} | {macRatio} |")
                + string.Concat(r.Figures.Where(f => f.Heading is not null).Select(f => $" {f.Shown} |")));
        }
        return text.ToString();
    }

    /// <summary>The report's line on training: epochs, batch, optimiser, learning rate, schedule and seed.</summary>
    public static string TrainingNote(TrainingOptions training, bool quick) => string.Create(CultureInfo.InvariantCulture,
        $"Training: {training.Epochs} epoch(s), batch {training.BatchSize}, {training.Optimizer.ToString().ToLowerInvariant()} lr {training.LearningRate}, {training.Schedule.ToString().ToLowerInvariant()} schedule, seed {training.Seed}{(quick ? " (quick mode)" : "")}");

    private static string Ratio(long value, long reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{100.0 * value / reference:F1} %");

    private static List<string> FigureColumns(IReadOnlyList<DemoRow> rows)
    {
        var columns = rows.Count == 0 ? [] : rows[0].Figures.Select(f => f.Column).ToList();
        if (rows.Any(r => !r.Figures.Select(f => f.Column).SequenceEqual(columns)))
            throw new ArgumentException("every row of a demo table must have the same figure columns", nameof(rows));
        return columns;
    }
}
