using CompactConv.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CompactConv.Cli.Rendering;

/// <summary>How a table is printed.</summary>
public enum TableFormat
{
    /// <summary>A drawn table on an interactive terminal, at the terminal's width.</summary>
    Terminal,

    /// <summary>Aligned plain columns, for pipes, files and logs: no cell is ever cut or wrapped.</summary>
    Aligned,

    /// <summary>Tab-separated values (<c>--plain</c>), for scripts.</summary>
    Tsv,
}

/// <summary>
/// Prints every table the CLI shows. On a terminal the table is drawn by Spectre.Console when it
/// fits the width whole; a table that would have to wrap inside its cells is printed as aligned
/// columns instead, since a number split over two lines is worse than a long line. Redirected
/// output gets aligned columns, and <c>--plain</c> gets TSV.
/// </summary>
public static class TableOutput
{
    /// <summary>The format for standard output now: TSV with --plain, a drawn table on a terminal, else aligned columns.</summary>
    public static TableFormat CurrentFormat =>
        OutputTarget.Plain ? TableFormat.Tsv : OutputTarget.Interactive ? TableFormat.Terminal : TableFormat.Aligned;

    /// <summary>Prints <paramref name="table"/> to standard output in <see cref="CurrentFormat"/>.</summary>
    public static void Write(TextTable table) => Write(table, CurrentFormat, OutputTarget.Width, System.Console.Out);

    /// <summary>Prints <paramref name="table"/> to <paramref name="writer"/> in <paramref name="format"/>; <paramref name="width"/> is the terminal's.</summary>
    public static void Write(TextTable table, TableFormat format, int width, TextWriter writer)
    {
        if (format == TableFormat.Tsv)
        {
            writer.Write(table.ToTsv());
            return;
        }
        if (format == TableFormat.Terminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
            console.Profile.Width = width;
            var drawn = Drawn(table);
            // Measured at any width, the table's largest size is the one with no cell wrapped.
            if (((IRenderable)drawn).Measure(RenderOptions.Create(console, console.Profile.Capabilities), int.MaxValue / 2).Max <= width)
            {
                console.Write(drawn);
                return;
            }
        }
        writer.Write(table.ToAligned());
    }

    private static Table Drawn(TextTable table)
    {
        var drawn = new Table();
        for (int c = 0; c < table.Headings.Count; c++)
        {
            var column = new TableColumn(new Text(table.Headings[c]));
            if (table.IsNumeric(c)) column.RightAligned();
            if (table.Footer is { } footer) column.Footer(new Text(footer[c]));
            drawn.AddColumn(column);
        }
        foreach (var row in table.Rows) drawn.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        return drawn;
    }
}
