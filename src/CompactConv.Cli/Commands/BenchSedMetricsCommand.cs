using System.CommandLine;
using System.Globalization;
using CompactConv.Benchmarks;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv bench sed-metrics</c>: time of the sound event detection metrics on generated lists, median and spread over repeated runs.</summary>
internal static class BenchSedMetricsCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var command = new Command("sed-metrics", "Time of segment-based + event-based + onset-only metrics on generated event lists: median and p10-p90 over repeated runs");
        var files = new Option<int>("--files") { Description = "Files per list", DefaultValueFactory = _ => 1000 };
        var events = new Option<int>("--events") { Description = "Events per file in each list", DefaultValueFactory = _ => 10 };
        var classes = new Option<int>("--classes") { Description = "Number of classes", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated lists", DefaultValueFactory = _ => 0 };
        var rounds = new Option<int>("--rounds") { Description = "Timed runs", DefaultValueFactory = _ => 5 };
        foreach (var option in new Option[] { files, events, classes, seed, rounds }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            var options = new SedMetricsBenchmarkOptions
            {
                Files = BenchCommand.Positive("--files", parse.GetValue(files)),
                EventsPerFile = BenchCommand.Positive("--events", parse.GetValue(events)),
                Classes = BenchCommand.Positive("--classes", parse.GetValue(classes)),
                Seed = parse.GetValue(seed),
                Rounds = BenchCommand.Positive("--rounds", parse.GetValue(rounds)),
            };
            var context = MachineContext.AtStart();
            var result = SedMetricsBenchmark.Run(options);
            context = context.AtEnd();
            var ms = result.Milliseconds;
            string runs = string.Join(", ", result.RunMilliseconds.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.ReferenceEvents} reference and {result.EstimatedEvents} estimated events in {result.Files} files: median {ms.Median:F1} ms, p10-p90 {ms.P10:F1}-{ms.P90:F1} ms over {ms.Count} runs ({runs})"));
            Console.WriteLine(context.Describe(options.Rounds, options.WarmupRounds));
            if (context.Warning() is { } warning) Console.WriteLine(warning);
            return ExitCodes.Success;
        });
        return command;
    }
}
