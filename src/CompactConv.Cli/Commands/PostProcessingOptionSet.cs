using System.CommandLine;
using System.Globalization;
using CompactConv.Events;
using CompactConv.Pipelines;

namespace CompactConv.Cli.Commands;

/// <summary>Post-processing options of sound event detection (frame posteriors -> events); shared by train, detect and sed-metrics.</summary>
public sealed class PostProcessingOptionSet
{
    private readonly Option<double?>? threshold;
    private readonly Option<double?> median;
    private readonly Option<double?> minEvent;
    private readonly Option<double?> minGap;
    private readonly PostProcessingOptions defaults;

    /// <summary>The options of train and detect, over <see cref="EventDetection.DefaultPostProcessing"/>.</summary>
    public PostProcessingOptionSet() : this(EventDetection.DefaultPostProcessing, withThreshold: true)
    {
    }

    /// <summary>The options over <paramref name="defaults"/>; without <paramref name="withThreshold"/>, no --threshold (for a command that sweeps thresholds).</summary>
    public PostProcessingOptionSet(PostProcessingOptions defaults, bool withThreshold)
    {
        this.defaults = defaults;
        string Default(double value) => string.Create(CultureInfo.InvariantCulture, $"(default {value})");
        threshold = withThreshold ? new("--threshold") { Description = $"Posterior threshold of every class {Default(defaults.Threshold)}" } : null;
        median = new("--median-filter") { Description = $"Median filter window in seconds, 0 for none {Default(defaults.MedianFilterSeconds)}" };
        minEvent = new("--min-event") { Description = $"Drop events shorter than this many seconds {Default(defaults.MinEventSeconds)}" };
        minGap = new("--min-gap") { Description = $"Merge events of a class separated by less than this many seconds {Default(defaults.MinGapSeconds)}" };
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option?[] { threshold, median, minEvent, minGap }.OfType<Option>()) command.Options.Add(option);
    }

    /// <summary>True when any of the options was given.</summary>
    public bool AnyGiven(ParseResult parse) =>
        (threshold is not null && parse.GetValue(threshold) is not null) || parse.GetValue(median) is not null || parse.GetValue(minEvent) is not null || parse.GetValue(minGap) is not null;

    /// <summary>
    /// The options over <paramref name="start"/> (a run's saved post-processing, or the defaults);
    /// impossible values are usage errors naming the option.
    /// </summary>
    public PostProcessingOptions Parse(ParseResult parse, PostProcessingOptions? start = null)
    {
        var options = start ?? defaults;
        if (threshold is not null && parse.GetValue(threshold) is { } t)
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
