using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>Parsing of numeric metadata values, with the problem text when one is malformed.</summary>
internal static class RowValues
{
    /// <summary>The integer in column <paramref name="column"/> of <paramref name="row"/>, or null with a problem recorded.</summary>
    public static int? Integer(TableRow row, DelimitedTable table, string column, int min, int max, List<string> rowProblems)
    {
        string text = row.Fields[table.Column(column)];
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            rowProblems.Add($"{row.Where}: {column} '{text}' is not an integer");
            return null;
        }
        if (value < min || value > max)
        {
            rowProblems.Add(string.Create(CultureInfo.InvariantCulture, $"{row.Where}: {column} {value} is outside {min}-{max}"));
            return null;
        }
        return value;
    }
}
