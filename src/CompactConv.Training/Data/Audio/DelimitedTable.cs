using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CompactConv.Data.Audio;

/// <summary>
/// A comma- or tab-separated metadata file with a header, read with CsvHelper. Rows that cannot be
/// trusted (wrong column count, bad quoting, an empty value in a used column) are reported with
/// their line number and left out, so the caller only sees well-formed rows. Header problems are
/// fatal: without the columns no row can be interpreted.
/// </summary>
internal sealed class DelimitedTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<(TableRow? Row, string? Problem)> _lines;
    private readonly ProblemList _problems;

    private DelimitedTable(Dictionary<string, int> columns, List<(TableRow?, string?)> lines, ProblemList problems)
    {
        _columns = columns;
        _lines = lines;
        _problems = problems;
    }

    /// <summary>
    /// The well-formed data rows in file order. Each malformed row is added to the problem list
    /// as the enumeration passes it, so that problems are listed in line order together with those
    /// the caller finds; enumerate once.
    /// </summary>
    public IEnumerable<TableRow> TakeRows()
    {
        foreach (var (row, problem) in _lines)
        {
            if (problem is not null)
                _problems.Add(problem);
            else
                yield return row!;
        }
    }

    /// <summary>Index of a column that was required when reading.</summary>
    public int Column(string name) => _columns[name];

    /// <summary>
    /// Reads <paramref name="relativeName"/> under <paramref name="dataDir"/>. Returns null, with a
    /// fatal problem recorded, when the header lacks a required column or the file is empty.
    /// </summary>
    /// <param name="dataDir">The dataset folder.</param>
    /// <param name="relativeName">The file's path below it, '/'-separated.</param>
    /// <param name="description">What the file is, for the error when it does not exist.</param>
    /// <param name="requiredColumns">Columns the caller uses; each must be in the header and non-empty in every row.</param>
    /// <param name="delimiter">',' or '\t'.</param>
    /// <param name="problems">Where header and row problems go.</param>
    /// <param name="mayBeEmpty">Required columns whose value may be empty, where emptiness means something
    /// (a clip with no weak labels).</param>
    /// <exception cref="DataException">The file does not exist.</exception>
    public static DelimitedTable? Read(string dataDir, string relativeName, string description, char delimiter,
        IReadOnlyList<string> requiredColumns, ProblemList problems, IReadOnlyCollection<string>? mayBeEmpty = null)
    {
        string path = Path.Combine(dataDir, relativeName);
        if (!File.Exists(path))
            throw new DataException(path, $"missing {description}");

        string separator = delimiter == '\t' ? "TAB" : $"'{delimiter}'";
        bool badQuoting = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = true,
            DetectDelimiter = false,
            // Blank lines are skipped below instead, so that every line is seen and line numbers stay exact.
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.Trim,
            // The column count is checked per row below, where it can be reported with the line.
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = _ => badQuoting = true,
        };

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || header is [""])
        {
            problems.AddFatal($"{relativeName} line 1: no header, expected a {separator}-separated header with {string.Join(", ", requiredColumns)}");
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string column in requiredColumns)
        {
            int index = Array.IndexOf(header, column);
            if (index >= 0)
                columns[column] = index;
        }
        string[] missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            string found = string.Join(", ", header.Select(h => $"'{h}'"));
            problems.AddFatal($"{relativeName} line 1: header lacks {(missing.Length == 1 ? "column" : "columns")} {string.Join(", ", missing.Select(m => $"'{m}'"))} " +
                $"(found {found}; is the file {separator}-separated?)");
            return null;
        }

        var lines = new List<(TableRow?, string?)>();
        // A record starts on the line after the previous one ended; CsvHelper only reports where
        // records end, and a quoted field can span lines.
        int previousEnd = csv.Parser.RawRow;
        badQuoting = false;
        while (csv.Read())
        {
            int line = previousEnd + 1;
            previousEnd = csv.Parser.RawRow;
            bool bad = badQuoting;
            badQuoting = false;
            if (csv.Parser.Count == 1 && csv.Parser[0].Length == 0)
                continue;
            string where = string.Create(CultureInfo.InvariantCulture, $"{relativeName} line {line}");
            if (bad)
            {
                lines.Add((null, $"{where}: malformed quoting"));
                continue;
            }
            if (csv.Parser.Count != header.Length)
            {
                lines.Add((null, string.Create(CultureInfo.InvariantCulture,
                    $"{where}: expected {header.Length} {separator}-separated columns, found {csv.Parser.Count}")));
                continue;
            }
            string[] fields = csv.Parser.Record!;
            string[] empty = requiredColumns.Where(c => fields[columns[c]].Length == 0 && mayBeEmpty?.Contains(c) != true).ToArray();
            if (empty.Length > 0)
            {
                lines.Add((null, $"{where}: empty {string.Join(", ", empty)}"));
                continue;
            }
            lines.Add((new TableRow(where, fields), null));
        }
        return new DelimitedTable(columns, lines, problems);
    }
}
