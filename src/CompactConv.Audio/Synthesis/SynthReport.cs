using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompactConv.Audio.Synthesis;

/// <summary>synth_report.json: what was generated, what was dropped or turned down, and every warning.</summary>
public sealed record SynthReport
{
    /// <summary>File name of the spec.</summary>
    public required string Spec { get; init; }

    /// <summary>The spec's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Sample rate of the soundscapes.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Soundscape length in seconds.</summary>
    public required double Duration { get; init; }

    /// <summary>Output layout: <c>tau</c> or <c>urbansed</c>.</summary>
    public required string Layout { get; init; }

    /// <summary>Soundscapes per split (<c>train</c>, <c>test</c>, and <c>validate</c> when the spec has it).</summary>
    public required SortedDictionary<string, int> Soundscapes { get; init; }

    /// <summary>Soundscapes per split and scene.</summary>
    public required SortedDictionary<string, SortedDictionary<string, int>> Scenes { get; init; }

    /// <summary>Source clips on each side of the leak-free partition, by role.</summary>
    public required SortedDictionary<string, SortedDictionary<string, int>> SourceClips { get; init; }

    /// <summary>Event totals.</summary>
    public required EventTotals Events { get; init; }

    /// <summary>Every dropped event, by file.</summary>
    public required IReadOnlyList<DroppedEntry> DroppedEvents { get; init; }

    /// <summary>Peak scaling of soundscapes that would have clipped.</summary>
    public required ClippingSummary Clipping { get; init; }

    /// <summary>Foreground clips shorter than the minimum event duration, used whole, with how many events used them.</summary>
    public required SortedDictionary<string, int> ShortClipsUsedWhole { get; init; }

    /// <summary>Events placed over a silent background (their SNR is against a -100 dB floor).</summary>
    public required int EventsOverSilentBackground { get; init; }

    /// <summary>Labels or scenes a split could not use, and labels with too few clips for every split.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Events drawn, placed and dropped, and placed events per split and label.</summary>
    /// <param name="Drawn">Events drawn (placed + dropped).</param>
    /// <param name="Placed">Events in the soundscapes and annotations.</param>
    /// <param name="Dropped">Events left out.</param>
    /// <param name="PerLabel">Placed events per split and label.</param>
    public sealed record EventTotals(int Drawn, int Placed, int Dropped, SortedDictionary<string, SortedDictionary<string, int>> PerLabel);

    /// <summary>One dropped event.</summary>
    /// <param name="File">Soundscape file name.</param>
    /// <param name="Label">Label drawn.</param>
    /// <param name="Reason">Why it was left out.</param>
    public sealed record DroppedEntry(string File, string Label, string Reason);

    /// <summary>Soundscapes turned down to avoid clipping.</summary>
    /// <param name="FilesScaled">How many.</param>
    /// <param name="MaxGainReductionDb">The largest reduction.</param>
    /// <param name="Files">Each scaled file with its peak before scaling and its reduction.</param>
    public sealed record ClippingSummary(int FilesScaled, double MaxGainReductionDb, IReadOnlyList<ClippedFile> Files);

    /// <summary>One soundscape turned down.</summary>
    /// <param name="File">Soundscape file name.</param>
    /// <param name="PeakBefore">Largest absolute sample before scaling.</param>
    /// <param name="GainReductionDb">Reduction applied to the whole soundscape.</param>
    public sealed record ClippedFile(string File, double PeakBefore, double GainReductionDb);

    /// <summary>JSON settings of the report: snake_case names, indented; dictionary keys (labels) as they are.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Indented JSON with a final newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";
}
