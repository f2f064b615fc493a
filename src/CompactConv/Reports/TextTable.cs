using System.Text;
using System.Text.RegularExpressions;

namespace CompactConv.Reports;

/// <summary>
/// A table of text cells with an optional footer row (totals), kept apart from how it is shown so
/// that one table can become aligned columns for logs, TSV for scripts or a terminal table.
/// A column whose body cells are all numbers (<c>1,234</c>, <c>-0.5</c>, <c>90.56 %</c>, or <c>?</c>
/// and <c>NaN</c> for unknown) is right-aligned, so that digits line up.
/// </summary>
public sealed partial class TextTable
{
    private readonly List<string> _headings = [];
    private readonly List<string[]> _rows = [];
    private string[]? _footer;

    /// <summary>Column headings, left to right.</summary>
    public IReadOnlyList<string> Headings => _headings;

    /// <summary>Body rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>The footer row (e.g. totals), or null.</summary>
    public IReadOnlyList<string>? Footer => _footer;

    /// <summary>Appends columns with these headings; only before the first row.</summary>
    /// <exception cref="InvalidOperationException">Rows were added already.</exception>
    public TextTable AddColumns(params string[] headings)
    {
        if (_rows.Count > 0 || _footer is not null) throw new InvalidOperationException("columns must be added before rows");
        _headings.AddRange(headings);
        return this;
    }

    /// <summary>Appends a row of exactly one cell per column.</summary>
    /// <exception cref="ArgumentException">The row has another number of cells than the table has columns.</exception>
    public TextTable AddRow(params string[] cells)
    {
        _rows.Add(Checked(cells));
        return this;
    }

    /// <summary>Sets the footer row, shown below a rule (or as the last TSV line).</summary>
    /// <exception cref="ArgumentException">The row has another number of cells than the table has columns.</exception>
    public TextTable SetFooter(params string[] cells)
    {
        _footer = Checked(cells);
        return this;
    }

    /// <summary>Whether column <paramref name="column"/> is right-aligned: every non-empty body and footer cell is a number.</summary>
    public bool IsNumeric(int column)
    {
        var cells = _rows.Select(r => r[column]).Concat(_footer is null ? [] : [_footer[column]]).Where(c => c.Length > 0).ToList();
        return cells.Count > 0 && cells.All(c => c is "?" or "NaN" || NumberPattern().IsMatch(c));
    }

    /// <summary>The widest cell of each column, heading included.</summary>
    public int[] ColumnWidths() => Enumerable.Range(0, _headings.Count)
        .Select(c => AllRows().Max(row => row[c].Length))
        .ToArray();

    /// <summary>
    /// Aligned plain text: the headings, a rule, the rows, then a rule and the footer; columns two
    /// spaces apart, nothing after the last cell. Cells are never cut or wrapped, whatever the width.
    /// </summary>
    public string ToAligned()
    {
        var widths = ColumnWidths();
        var numeric = Enumerable.Range(0, widths.Length).Select(IsNumeric).ToArray();
        string rule = new('-', widths.Sum() + 2 * Math.Max(0, widths.Length - 1));
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) => text.AppendLine(string.Join("  ",
            cells.Select((cell, c) => numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        Line(_headings);
        text.AppendLine(rule);
        foreach (var row in _rows) Line(row);
        if (_footer is not null)
        {
            text.AppendLine(rule);
            Line(_footer);
        }
        return text.ToString();
    }

    /// <summary>
    /// Tab-separated values: the headings, the rows, then the footer, one line each, cells exactly as
    /// shown; tabs and line breaks inside a cell become spaces so that every line keeps its columns.
    /// </summary>
    public string ToTsv()
    {
        var text = new StringBuilder();
        foreach (var row in AllRows()) text.AppendLine(string.Join('\t', row.Select(cell => cell.ReplaceLineEndings(" ").Replace('\t', ' '))));
        return text.ToString();
    }

    private IEnumerable<IReadOnlyList<string>> AllRows() =>
        new IReadOnlyList<string>[] { _headings }.Concat(_rows).Concat(_footer is null ? [] : [_footer]);

    private string[] Checked(string[] cells) => cells.Length == _headings.Count ? cells
        : throw new ArgumentException($"a row of {cells.Length} cells in a table of {_headings.Count} columns");

    // Digits with optional sign, thousands separators, decimals, exponent and a % unit.
    [GeneratedRegex(@"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?( ?%)?$")]
    private static partial Regex NumberPattern();
}
