using System.Globalization;
using Spectre.Console;

namespace CompactConv.Cli.Rendering;

/// <summary>
/// Where standard output goes and how wide it is: an interactive terminal gets tables and progress
/// bars at its width; a pipe, file or log gets plain lines; <c>--plain</c> asks for plain lines and
/// TSV tables even on a terminal.
/// </summary>
public static class OutputTarget
{
    /// <summary>The terminal width assumed when the terminal does not say.</summary>
    public const int FallbackWidth = 80;

    /// <summary>Whether --plain was given (set for every command by <see cref="GlobalOptions.Apply"/>).</summary>
    public static bool Plain { get; set; }

    /// <summary>True when output is an interactive terminal and --plain was not given: bars and drawn tables.</summary>
    public static bool Interactive => !Plain && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>The terminal's width in columns: COLUMNS when set to a positive number, else what the terminal reports.</summary>
    public static int Width => WidthFrom(Environment.GetEnvironmentVariable("COLUMNS"), WindowWidth());

    /// <summary>
    /// <paramref name="columns"/> (the COLUMNS variable) when it is a positive whole number, which lets a
    /// user or script ask for a width; else <paramref name="windowWidth"/> when positive; else <see cref="FallbackWidth"/>.
    /// </summary>
    public static int WidthFrom(string? columns, int windowWidth) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out int width) && width > 0 ? width
            : windowWidth > 0 ? windowWidth : FallbackWidth;

    private static int WindowWidth()
    {
        try
        {
            return System.Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }
}
