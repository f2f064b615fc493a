using System.CommandLine;
using System.CommandLine.Help;
using CompactConv.Cli.Commands;

namespace CompactConv.Cli;

/// <summary>The command tree of <c>compactconv</c>; Program.cs and the tests both run it through <see cref="Run"/>.</summary>
public static class CliApp
{
    /// <summary>The command's name, as usage lines show it.</summary>
    public const string Name = "compactconv";

    /// <summary>Builds the root command with every subcommand and the global options.</summary>
    public static Command CreateRoot()
    {
        // Not a RootCommand: that one takes its name from the executable, which is CompactConv.Cli
        // under 'dotnet run' and in the build output (see CompactConv.Cli.csproj).
        var root = new Command(Name, "compactconv: channel-compressed CNNs (compact convolution) on TorchSharp")
        {
            new HelpOption(),
            new VersionOption(),
        };
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(DetectCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(FeaturesCommand.Create());
        root.Subcommands.Add(SummaryCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DataSubsetCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(SedMetricsCommand.Create());
        root.Subcommands.Add(PlotEventsCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code (2 for usage errors).</summary>
    public static int Run(string[] args)
    {
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, like every other error (CommandRunner): scripts read the first line of stderr.
            var messages = parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim()).Distinct(StringComparer.Ordinal);
            System.Console.Error.WriteLine($"error: {string.Join("; ", messages)} (run 'compactconv --help' for usage)");
            return ExitCodes.Usage;
        }
        return parse.Invoke();
    }
}
