using System.CommandLine;
using System.Globalization;
using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv sed-metrics</c>: sed_eval's segment-based and event-based metrics of an estimated event list, as JSON.</summary>
public static class SedMetricsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("sed-metrics", "Segment-based and event-based sound event detection metrics (sed_eval's definitions) as JSON; see docs/sed-metrics.md");
        var reference = EventListOptions.Reference();
        var estimate = EventListOptions.Estimate();
        var segment = new Option<double>("--segment") { Description = "Segment length in seconds (segment-based metrics)", DefaultValueFactory = _ => 1.0 };
        var collar = new Option<double>("--collar") { Description = "Onset collar in seconds (event-based metrics)", DefaultValueFactory = _ => 0.2 };
        var offsetRatio = new Option<double>("--offset-ratio") { Description = "Offset collar as a fraction of the reference event's length (at least the collar)", DefaultValueFactory = _ => 0.2 };
        foreach (var option in new Option[] { reference, estimate, segment, collar, offsetRatio }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            var options = new SedMetricOptions
            {
                SegmentSeconds = Checked("--segment", parse.GetValue(segment), v => v > 0, "a positive number of seconds"),
                CollarSeconds = Checked("--collar", parse.GetValue(collar), v => v >= 0, "zero or a positive number of seconds"),
                OffsetRatio = Checked("--offset-ratio", parse.GetValue(offsetRatio), v => v is >= 0 and <= 1, "between 0 and 1"),
            };
            var referenceList = EventListTsv.Read(parse.GetValue(reference)!);
            var estimateList = EventListTsv.Read(parse.GetValue(estimate)!);
            Console.WriteLine(SedMetricsJson.Serialize(SedEvaluation.Evaluate(referenceList, estimateList, options)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static double Checked(string option, double value, Func<double, bool> valid, string expected) =>
        double.IsFinite(value) && valid(value) ? value
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be {expected}, got {value}"));
}
