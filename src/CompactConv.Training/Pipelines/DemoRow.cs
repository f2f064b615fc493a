using System.Globalization;

namespace CompactConv.Pipelines;

/// <summary>How report.md and the console table show a <see cref="DemoFigure"/>.</summary>
public enum DemoFigureFormat
{
    /// <summary>A fraction as a percentage with two decimals, e.g. <c>90.56 %</c>.</summary>
    Percent,

    /// <summary>A number with four decimals.</summary>
    Decimal4,

    /// <summary>A whole number.</summary>
    Integer,
}

/// <summary>
/// One measured figure of a demo row: its results.csv column and value, and, when
/// <paramref name="Heading"/> is set, its column in report.md and on the console.
/// </summary>
/// <param name="Column">results.csv column name (snake_case).</param>
/// <param name="Value">The figure; fractions stay fractions (0.9 for 90 %).</param>
/// <param name="Heading">report.md column heading; null for a figure only results.csv holds.</param>
/// <param name="Format">How the report shows it.</param>
/// <param name="Display">Text the report shows instead of the formatted value (a median with its spread); null for the value.</param>
public sealed record DemoFigure(string Column, double Value, string? Heading = null, DemoFigureFormat Format = DemoFigureFormat.Decimal4,
    string? Display = null)
{
    /// <summary>
    /// A timing's three results.csv columns NAME_median, NAME_p10 and NAME_p90; the report shows one
    /// column, "median [p10-p90]" with <paramref name="digits"/> decimals, under <paramref name="heading"/>.
    /// </summary>
    public static IReadOnlyList<DemoFigure> OfSpread(string name, Benchmarks.Spread spread, string heading, int digits) =>
    [
        new($"{name}_median", spread.Median, heading, Display: spread.Format(digits)),
        new($"{name}_p10", spread.P10),
        new($"{name}_p90", spread.P90),
    ];

    /// <summary>The value as report.md shows it.</summary>
    public string Shown => Display ?? Format switch
    {
        DemoFigureFormat.Percent => string.Create(CultureInfo.InvariantCulture, $"{100 * Value:F2} %"),
        DemoFigureFormat.Integer => Value.ToString("F0", CultureInfo.InvariantCulture),
        _ => Value.ToString("F4", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// One row of a demo's results (results.csv, report.md, the console table): which convolution, its
/// exact cost, and the task's figures. Every demo, image or audio, reports through this shape.
/// </summary>
/// <param name="Conv">Conv kind name (<c>standard</c>, <c>separable</c>, <c>compact</c>, ...).</param>
/// <param name="Op">Interchannel operation of compact rows; empty otherwise.</param>
/// <param name="R">Channel group size of compact rows; 1 otherwise.</param>
/// <param name="Width">The model's width multiplier.</param>
/// <param name="Params">Parameters of the whole model.</param>
/// <param name="Macs">Multiply-accumulates of one example's forward pass.</param>
/// <param name="Figures">The task's figures, in column order; every row of a table has the same columns.</param>
public sealed record DemoRow(string Conv, string Op, int R, double Width, long Params, long Macs, IReadOnlyList<DemoFigure> Figures)
{
    /// <summary>The value of the figure in results.csv column <paramref name="column"/>.</summary>
    /// <exception cref="KeyNotFoundException">The row has no such figure.</exception>
    public double this[string column] =>
        Figures.FirstOrDefault(f => f.Column == column)?.Value ?? throw new KeyNotFoundException($"the demo row has no figure '{column}'");
}
