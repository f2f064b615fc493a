namespace CompactConv.Audio.Synthesis;

/// <summary>The background segment under a soundscape.</summary>
/// <param name="Clip">The background recording.</param>
/// <param name="OffsetSamples">Where in the recording the soundscape starts.</param>
/// <param name="ClipSamples">The recording's length; shorter than the soundscape means it loops.</param>
public sealed record BackgroundUse(SourceClip Clip, int OffsetSamples, int ClipSamples);

/// <summary>One event placed in a soundscape; positions are in samples so annotations match the audio exactly.</summary>
public sealed record PlacedEvent
{
    /// <summary>Event label (its foreground folder).</summary>
    public required string Label { get; init; }

    /// <summary>The source clip.</summary>
    public required SourceClip Clip { get; init; }

    /// <summary>Where in the source clip the event starts.</summary>
    public required int SourceOffsetSamples { get; init; }

    /// <summary>Where in the soundscape the event starts.</summary>
    public required int OnsetSamples { get; init; }

    /// <summary>Event length.</summary>
    public required int LengthSamples { get; init; }

    /// <summary>Target ratio of the event's power to the background's over the event, in dB.</summary>
    public required double SnrDb { get; init; }

    /// <summary>The soundscape's sample rate, for the times in seconds.</summary>
    public required int SampleRate { get; init; }

    /// <summary>True when the source clip was shorter than the minimum event duration and was used whole.</summary>
    public bool ShortClipUsedWhole { get; init; }

    /// <summary>Onset in seconds.</summary>
    public double Onset => (double)OnsetSamples / SampleRate;

    /// <summary>Offset (end) in seconds.</summary>
    public double Offset => (double)(OnsetSamples + LengthSamples) / SampleRate;

    /// <summary>Offset into the source clip in seconds.</summary>
    public double SourceOffset => (double)SourceOffsetSamples / SampleRate;

    /// <summary>End sample (exclusive).</summary>
    public int EndSamples => OnsetSamples + LengthSamples;
}

/// <summary>An event that was drawn but left out of its soundscape.</summary>
/// <param name="Label">The label drawn (on the last try).</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record DroppedEvent(string Label, string Reason);

/// <summary>Every random choice of one soundscape, before any audio is mixed.</summary>
public sealed record SoundscapePlan
{
    /// <summary>File name without extension: <c>&lt;scene&gt;-&lt;split&gt;-&lt;index:D4&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Scene label.</summary>
    public required string Scene { get; init; }

    /// <summary>Train or test.</summary>
    public required SynthSplit Split { get; init; }

    /// <summary>Index within its split.</summary>
    public required int Index { get; init; }

    /// <summary>Soundscape length in samples.</summary>
    public required int LengthSamples { get; init; }

    /// <summary>The background segment.</summary>
    public required BackgroundUse Background { get; init; }

    /// <summary>Placed events in the order they were drawn.</summary>
    public required IReadOnlyList<PlacedEvent> Events { get; init; }

    /// <summary>Events that found no room.</summary>
    public required IReadOnlyList<DroppedEvent> Dropped { get; init; }
}
