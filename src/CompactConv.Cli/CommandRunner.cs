using System.CommandLine;
using System.Runtime.InteropServices;
using CompactConv.Training;

namespace CompactConv.Cli;

/// <summary>
/// Runs a command's body and turns exceptions into the CLI contract: one line on stderr naming the
/// file or option, exit code 1 for data/runtime errors and 2 for usage errors, and a stack trace
/// only with --verbose; a training stopped by a signal prints its one line on stdout and exits with 75.
/// </summary>
public static class CommandRunner
{
    /// <summary>Wraps <paramref name="body"/> as a command action.</summary>
    public static void SetAction(Command command, Func<ParseResult, int> body) =>
        command.SetAction(parse => Run(parse, body));

    /// <summary>Applies the global options, runs the body and maps failures to exit codes.</summary>
    public static int Run(ParseResult parse, Func<ParseResult, int> body)
    {
        bool verbose = parse.GetValue(GlobalOptions.Verbose);
        try
        {
            GlobalOptions.Apply(parse);
            return body(parse);
        }
        catch (TrainingStoppedException stopped)
        {
            // Not an error: the checkpoint is complete and the line says how to continue.
            Console.WriteLine(stopped.Message);
            return ExitCodes.Stopped;
        }
        catch (Exception e) when (ExitCodeFor(e) is var code)
        {
            Console.Error.WriteLine($"error: {OptionFlags.ToFlags(OneLine(e))}");
            if (verbose) Console.Error.WriteLine(e.ToString());
            return code;
        }
    }

    /// <summary>
    /// Exit code for an exception: 2 for usage errors (our own option checks and the library's
    /// ArgumentExceptions, which name the impossible value), 1 for bad data, I/O and anything else.
    /// </summary>
    public static int ExitCodeFor(Exception e) =>
        e is UsageException or ArgumentException ? ExitCodes.Usage : ExitCodes.Failure;

    /// <summary>
    /// The message of <paramref name="e"/> on one line. libtorch appends where it failed and a C++
    /// stack ("Exception raised from ...", "frame #0: ..."), which is left to --verbose; so is
    /// everything after the first line of any libtorch error (TorchSharp raises them as
    /// <see cref="ExternalException"/>), whose further lines are C++ context, not the problem.
    /// </summary>
    public static string OneLine(Exception e)
    {
        // The library names the options property; the user typed a flag.
        string message = e is CompactConv.Training.InvalidOptionException option ? OptionFlags.Reword(option) : e.Message;
        foreach (var marker in LibTorchTraceMarkers)
        {
            int at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0) message = message[..at];
        }
        if (e is ExternalException) message = message.TrimStart().Split('\n', 2)[0];
        return message.ReplaceLineEndings(" ").Trim();
    }

    private static readonly string[] LibTorchTraceMarkers = ["Exception raised from ", "frame #0:"];
}
