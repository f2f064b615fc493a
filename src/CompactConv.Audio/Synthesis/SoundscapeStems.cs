namespace CompactConv.Audio.Synthesis;

/// <summary>One event as mixed: its samples after fade and gain, starting at the event's onset.</summary>
/// <param name="Event">The placement.</param>
/// <param name="Samples">The event's samples, <see cref="PlacedEvent.LengthSamples"/> long.</param>
/// <param name="Gain">Linear gain applied to the faded source segment (including any peak scaling).</param>
/// <param name="BackgroundSilent">True when the background under the event was silent, so the SNR was set against a floor of -100 dB.</param>
public sealed record EventStem(PlacedEvent Event, float[] Samples, double Gain, bool BackgroundSilent);

/// <summary>A rendered soundscape and its parts; <see cref="Mix"/> is the background plus every event stem (up to float rounding).</summary>
public sealed record SoundscapeStems
{
    /// <summary>The choices it was rendered from.</summary>
    public required SoundscapePlan Plan { get; init; }

    /// <summary>The background as mixed (after background gain and peak scaling).</summary>
    public required float[] Background { get; init; }

    /// <summary>The events as mixed.</summary>
    public required IReadOnlyList<EventStem> Events { get; init; }

    /// <summary>The soundscape written to the WAV file (before 16-bit quantisation).</summary>
    public required float[] Mix { get; init; }

    /// <summary>Largest absolute sample of the mix before peak scaling.</summary>
    public required double PeakBeforeScaling { get; init; }

    /// <summary>How far the whole soundscape was turned down to keep its peak at 0.99, in dB (0 when it was not).</summary>
    public required double GainReductionDb { get; init; }

    /// <summary>Events left out: the plan's, plus events whose source segment was silent.</summary>
    public required IReadOnlyList<DroppedEvent> Dropped { get; init; }
}
