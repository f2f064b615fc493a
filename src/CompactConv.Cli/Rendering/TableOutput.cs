using Spectre.Console;

namespace CompactConv.Cli.Rendering;

/// <summary>Writes result tables so that they stay one line per row in logs and redirected output.</summary>
public static class TableOutput
{
    // Redirected output has no width, so Spectre assumes 80 columns and wraps every cell of a wide
    // table over several lines; the table is only as wide as its content, so a generous width costs nothing.
    private const int RedirectedWidth = 240;

    /// <summary>Writes <paramref name="table"/> to the terminal, or unwrapped and without colour to redirected output.</summary>
    public static void Write(Table table)
    {
        if (!System.Console.IsOutputRedirected)
        {
            AnsiConsole.Write(table);
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = RedirectedWidth;
        console.Write(table);
    }
}
