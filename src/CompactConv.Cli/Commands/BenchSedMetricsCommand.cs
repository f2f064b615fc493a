using System.CommandLine;
using System.Globalization;
using CompactConv.Benchmarks;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv bench sed-metrics</c>: median time of the sound event detection metrics on generated lists.</summary>
internal static class BenchSedMetricsCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Create()
    {
        var command = new Command("sed-metrics", "Median time of segment-based + event-based + onset-only metrics on generated event lists");
        var files = new Option<int>("--files") { Description = "Files per list", DefaultValueFactory = _ => 1000 };
        var events = new Option<int>("--events") { Description = "Events per file in each list", DefaultValueFactory = _ => 10 };
        var classes = new Option<int>("--classes") { Description = "Number of classes", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated lists", DefaultValueFactory = _ => 0 };
        var rounds = new Option<int>("--rounds") { Description = "Timed runs", DefaultValueFactory = _ => 5 };
        foreach (var option in new Option[] { files, events, classes, seed, rounds }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            var result = SedMetricsBenchmark.Run(new SedMetricsBenchmarkOptions
            {
                Files = BenchCommand.Positive("--files", parse.GetValue(files)),
                EventsPerFile = BenchCommand.Positive("--events", parse.GetValue(events)),
                Classes = BenchCommand.Positive("--classes", parse.GetValue(classes)),
                Seed = parse.GetValue(seed),
                Rounds = BenchCommand.Positive("--rounds", parse.GetValue(rounds)),
            });
            string runs = string.Join(", ", result.RunMilliseconds.Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.ReferenceEvents} reference and {result.EstimatedEvents} estimated events in {result.Files} files: median {result.MedianMilliseconds:F1} ms over {result.RunMilliseconds.Count} runs ({runs})"));
            return ExitCodes.Success;
        });
        return command;
    }
}
