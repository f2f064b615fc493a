namespace CompactConv.Data.Events;

/// <summary>What every tab-separated file this project writes checks in a field before writing it.</summary>
internal static class TsvText
{
    /// <summary><paramref name="value"/>, unless a tab or line break in it would break the format.</summary>
    /// <exception cref="ArgumentException">The value holds a tab or line break; <paramref name="what"/> names it.</exception>
    public static string Checked(string value, string what) =>
        value.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 ? throw new ArgumentException($"{what} '{value}' holds a tab or line break, which the TSV format cannot carry") : value;
}
