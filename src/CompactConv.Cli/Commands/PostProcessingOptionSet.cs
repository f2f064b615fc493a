using System.CommandLine;
using CompactConv.Events;
using CompactConv.Pipelines;

namespace CompactConv.Cli.Commands;

/// <summary>Post-processing options of sound event detection (frame posteriors -> events); shared by train and detect.</summary>
public sealed class PostProcessingOptionSet
{
    private readonly Option<double?> threshold = new("--threshold") { Description = "Posterior threshold of every class (default 0.5)" };
    private readonly Option<double?> median = new("--median-filter") { Description = "Median filter window in seconds, 0 for none (default 0.25)" };
    private readonly Option<double?> minEvent = new("--min-event") { Description = "Drop events shorter than this many seconds (default 0.1)" };
    private readonly Option<double?> minGap = new("--min-gap") { Description = "Merge events of a class separated by less than this many seconds (default 0.1)" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { threshold, median, minEvent, minGap }) command.Options.Add(option);
    }

    /// <summary>True when any of the options was given.</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetValue(threshold) is not null || parse.GetValue(median) is not null || parse.GetValue(minEvent) is not null || parse.GetValue(minGap) is not null;

    /// <summary>
    /// The options over <paramref name="start"/> (a run's saved post-processing, or the defaults);
    /// impossible values are usage errors naming the option.
    /// </summary>
    public PostProcessingOptions Parse(ParseResult parse, PostProcessingOptions? start = null)
    {
        var options = start ?? EventDetection.DefaultPostProcessing;
        if (parse.GetValue(threshold) is { } t)
        {
            if (!(t is > 0 and < 1)) throw new UsageException($"--threshold must be between 0 and 1 (exclusive), got {t}");
            options = options with { Threshold = t, ClassThresholds = null };
        }
        options = options with
        {
            MedianFilterSeconds = NonNegative(median, parse) ?? options.MedianFilterSeconds,
            MinEventSeconds = NonNegative(minEvent, parse) ?? options.MinEventSeconds,
            MinGapSeconds = NonNegative(minGap, parse) ?? options.MinGapSeconds,
        };
        return options;
    }

    private static double? NonNegative(Option<double?> option, ParseResult parse)
    {
        var value = parse.GetValue(option);
        if (value is { } v && !(v >= 0 && double.IsFinite(v))) throw new UsageException($"{option.Name} must be a non-negative number of seconds, got {v}");
        return value;
    }
}
