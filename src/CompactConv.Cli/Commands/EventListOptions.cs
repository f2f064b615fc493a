using System.CommandLine;

namespace CompactConv.Cli.Commands;

/// <summary>The --reference and --estimate options of the commands that compare two event lists.</summary>
internal static class EventListOptions
{
    /// <summary>The ground-truth event list.</summary>
    public static Option<string> Reference() =>
        new("--reference") { Description = "Reference event list (TSV with filename, onset, offset, event_label)", Required = true };

    /// <summary>The system output.</summary>
    public static Option<string> Estimate() =>
        new("--estimate") { Description = "Estimated event list (same format)", Required = true };
}
