using System.CommandLine;
using System.Globalization;
using CompactConv.Data.Events;
using CompactConv.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Cli.Commands;

/// <summary>
/// <c>compactconv sed-metrics</c>: sed_eval's segment-based and event-based metrics of an estimated event
/// list, and with --psds the Polyphonic Sound Detection Score of frame scores or a scored event list, as JSON.
/// </summary>
public static class SedMetricsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("sed-metrics",
            "Segment-based and event-based sound event detection metrics (sed_eval's definitions) and PSDS (psds_eval's) as JSON; see docs/sed-metrics.md");
        var reference = EventListOptions.Reference();
        var estimate = new Option<string?>("--estimate") { Description = "Estimated event list (same format) for the segment-based and event-based metrics" };
        var segment = new Option<double>("--segment") { Description = "Segment length in seconds (segment-based metrics)", DefaultValueFactory = _ => 1.0 };
        var collar = new Option<double>("--collar") { Description = "Onset collar in seconds (event-based metrics)", DefaultValueFactory = _ => 0.2 };
        var offsetRatio = new Option<double>("--offset-ratio") { Description = "Offset collar as a fraction of the reference event's length (at least the collar)", DefaultValueFactory = _ => 0.2 };
        var merge = new Option<bool>("--merge-reference") { Description = "Merge overlapping reference events of one label in a file before scoring (default: score the reference as given)" };
        var psds = new PsdsOptionSet();
        foreach (var option in new Option[] { reference, estimate, segment, collar, offsetRatio, merge }) command.Options.Add(option);
        psds.AddTo(command);
        CommandRunner.SetAction(command, parse =>
        {
            var options = new SedMetricOptions
            {
                SegmentSeconds = Checked("--segment", parse.GetValue(segment), v => v > 0, "a positive number of seconds"),
                CollarSeconds = Checked("--collar", parse.GetValue(collar), v => v >= 0, "zero or a positive number of seconds"),
                OffsetRatio = Checked("--offset-ratio", parse.GetValue(offsetRatio), v => v is >= 0 and <= 1, "between 0 and 1"),
            };
            string? estimatePath = parse.GetValue(estimate);
            var psdsInput = psds.Parse(parse);
            if (estimatePath is null && psdsInput is null)
                throw new UsageException("give --estimate (segment-based and event-based metrics), --psds (with --scores or --scored-events), or both");

            string referencePath = parse.GetValue(reference)!;
            bool mergeReference = parse.GetValue(merge);
            var referenceList = EventListTsv.Read(referencePath);
            if (mergeReference)
                referenceList = EventOverlaps.Merge(referenceList);
            var metrics = estimatePath is null ? null : SedEvaluation.Evaluate(referenceList, EventListTsv.Read(estimatePath), options);
            var score = psdsInput is null ? null : psdsInput.ScoresFolder is { } folder
                ? PsdsFiles.FromScores(referenceList, referencePath, folder, psdsInput.DurationsPath, psdsInput.PostProcessing,
                    OperatingPoints.EvenThresholds(psdsInput.ThresholdCount), psdsInput.ParameterSets)
                : PsdsFiles.FromScoredEvents(referenceList, referencePath, psdsInput.ScoredEventsPath!, psdsInput.DurationsPath!, psdsInput.ParameterSets);
            Console.WriteLine(SedMetricsJson.Report(mergeReference, metrics, score).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A number option's value, or a usage error naming the option and what it must be.</summary>
    internal static double Checked(string option, double value, Func<double, bool> valid, string expected) =>
        double.IsFinite(value) && valid(value) ? value
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be {expected}, got {value}"));
}
