using System.CommandLine;
using CompactConv.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Cli.Commands;

/// <summary>What <c>sed-metrics --psds</c> scores and how.</summary>
/// <param name="ScoresFolder">Frame scores (one TSV per audio file), or null.</param>
/// <param name="ScoredEventsPath">An event list with a score column, or null.</param>
/// <param name="DurationsPath">Audio durations (filename, duration), or null.</param>
/// <param name="ThresholdCount">Evenly spaced thresholds the frame scores are decoded at.</param>
/// <param name="PostProcessing">Post-processing of the decoded frame scores.</param>
/// <param name="ParameterSets">The DCASE scenarios, and "custom" when a parameter option is given.</param>
internal sealed record PsdsInput(string? ScoresFolder, string? ScoredEventsPath, string? DurationsPath, int ThresholdCount,
    PostProcessingOptions PostProcessing, IReadOnlyList<KeyValuePair<string, PsdsParameters>> ParameterSets);

/// <summary>The PSDS options of <c>sed-metrics</c>: the switch, its inputs, decoding and custom parameters.</summary>
internal sealed class PsdsOptionSet
{
    private readonly Option<bool> psds = new("--psds") { Description = "Also compute the Polyphonic Sound Detection Score of both DCASE scenarios (psds_eval's definitions)" };
    private readonly Option<string?> scores = new("--scores") { Description = "PSDS input: folder of frame score files, one per audio file (onset, offset, a column per class; sed_scores_eval's format)" };
    private readonly Option<string?> scoredEvents = new("--scored-events") { Description = "PSDS input: event list with a 'score' column; each distinct score is an operating point" };
    private readonly Option<string?> durations = new("--durations") { Description = "Audio durations TSV (filename, duration); default for --scores: each score file's last offset" };
    private readonly Option<int?> thresholds = new("--psds-thresholds") { Description = $"Evenly spaced thresholds the frame scores are decoded at (default {OperatingPoints.DefaultThresholdCount}: 0.01, 0.03, ..., 0.99)" };
    private readonly PostProcessingOptionSet post = new(PostProcessingOptions.Default, withThreshold: false);
    private readonly (Option<double?> Option, Func<PsdsParameters, double, PsdsParameters> Set, Func<double, bool> Valid, string Expected)[] custom =
    [
        (new("--dtc") { Description = "Custom PSDS: detection tolerance criterion (default 0.5)" }, (p, v) => p with { Dtc = v }, v => v is >= 0 and <= 1, "between 0 and 1"),
        (new("--gtc") { Description = "Custom PSDS: ground truth intersection criterion (default 0.5)" }, (p, v) => p with { Gtc = v }, v => v is >= 0 and <= 1, "between 0 and 1"),
        (new("--cttc") { Description = "Custom PSDS: cross-trigger tolerance criterion (default 0.3)" }, (p, v) => p with { Cttc = v }, v => v is >= 0 and <= 1, "between 0 and 1"),
        (new("--alpha-ct") { Description = "Custom PSDS: weight of the cross-trigger rate (default 0)" }, (p, v) => p with { AlphaCt = v }, v => v is >= 0 and <= 1, "between 0 and 1"),
        (new("--alpha-st") { Description = "Custom PSDS: weight of the across-class standard deviation (default 0)" }, (p, v) => p with { AlphaSt = v }, v => v >= 0, "zero or positive"),
        (new("--max-efpr") { Description = "Custom PSDS: largest effective false positives per hour (default 100)" }, (p, v) => p with { MaxEfpr = v }, v => v > 0, "positive"),
    ];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { psds, scores, scoredEvents, durations, thresholds }.Concat(custom.Select(c => c.Option)))
            command.Options.Add(option);
        post.AddTo(command);
    }

    /// <summary>The PSDS request, or null without --psds; options that do not fit together are usage errors.</summary>
    public PsdsInput? Parse(ParseResult parse)
    {
        string? scoresFolder = parse.GetValue(scores), scoredPath = parse.GetValue(scoredEvents), durationsPath = parse.GetValue(durations);
        int? count = parse.GetValue(thresholds);
        var given = new (bool Given, string Name)[]
        {
            (scoresFolder is not null, "--scores"), (scoredPath is not null, "--scored-events"), (durationsPath is not null, "--durations"),
            (count is not null, "--psds-thresholds"), (post.AnyGiven(parse), "--median-filter, --min-event and --min-gap"),
        }.Concat(custom.Select(c => (Given: parse.GetValue(c.Option) is not null, c.Option.Name))).Where(g => g.Given).Select(g => g.Name).ToList();
        if (!parse.GetValue(psds))
            return given.Count == 0 ? null : throw new UsageException($"{given[0]} applies only with --psds");
        if ((scoresFolder is null) == (scoredPath is null))
            throw new UsageException("--psds needs one input: --scores (frame scores) or --scored-events (an event list with a score column)");
        if (scoredPath is not null)
        {
            if (durationsPath is null)
                throw new UsageException("--scored-events needs --durations (filename, duration of every file of the reference)");
            if (count is not null || post.AnyGiven(parse))
                throw new UsageException("--psds-thresholds, --median-filter, --min-event and --min-gap decode frame scores; they do not apply to --scored-events");
        }
        if (count is < 1)
            throw new UsageException($"--psds-thresholds must be at least 1, got {count}");

        var sets = PsdsEvaluation.DcaseScenarios.ToList();
        if (custom.Any(c => parse.GetValue(c.Option) is not null))
        {
            var parameters = new PsdsParameters();
            foreach (var (option, set, valid, expected) in custom)
            {
                if (parse.GetValue(option) is { } value)
                    parameters = set(parameters, SedMetricsCommand.Checked(option.Name, value, valid, expected));
            }
            sets.Add(KeyValuePair.Create("custom", parameters));
        }
        return new PsdsInput(scoresFolder, scoredPath, durationsPath, count ?? OperatingPoints.DefaultThresholdCount, post.Parse(parse), sets);
    }
}
