namespace CompactConv.Audio.Synthesis;

/// <summary>How events may share time within one soundscape.</summary>
public enum OverlapPolicy
{
    /// <summary>Events may overlap (up to <see cref="SynthSpec.MaxPolyphony"/> at once, if set).</summary>
    Allow,

    /// <summary>No two events overlap; an event that finds no free room in 20 tries is dropped and reported.</summary>
    Forbid,
}

/// <summary>A closed interval [Min, Max] that a value is drawn from uniformly.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record ValueRange(double Min, double Max);

/// <summary>A closed integer interval [Min, Max] that a count is drawn from uniformly.</summary>
/// <param name="Min">Smallest count.</param>
/// <param name="Max">Largest count.</param>
public sealed record CountRange(int Min, int Max);

/// <summary>The distribution of foreground events in one scene.</summary>
public sealed record EventDistribution
{
    /// <summary>Foreground labels (folders under the foreground folder) events are drawn from.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Relative weight of each label, aligned with <see cref="Labels"/>; null draws labels uniformly.</summary>
    public IReadOnlyList<double>? LabelWeights { get; init; }

    /// <summary>Number of events per soundscape.</summary>
    public required CountRange Count { get; init; }

    /// <summary>Signal-to-noise ratio of each event against the background under it, in dB.</summary>
    public required ValueRange SnrDb { get; init; }

    /// <summary>Event duration in seconds; longer source clips are cut, shorter ones used whole.</summary>
    public required ValueRange Duration { get; init; }

    /// <summary>Onset range in seconds; null places the onset uniformly wherever the event fits.</summary>
    public ValueRange? Onset { get; init; }
}

/// <summary>One acoustic scene: its share of the soundscapes, its background labels and its events.</summary>
public sealed record SceneSpec
{
    /// <summary>Scene label written to meta.csv and used in file names.</summary>
    public required string Label { get; init; }

    /// <summary>Relative probability of drawing this scene.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Background labels (folders under the background folder) this scene's ambience is drawn from.</summary>
    public required IReadOnlyList<string> Backgrounds { get; init; }

    /// <summary>This scene's events.</summary>
    public required EventDistribution Events { get; init; }
}

/// <summary>
/// A soundscape synthesis specification (the JSON file documented in docs/synth.md), with its
/// folders resolved to absolute paths.
/// </summary>
public sealed record SynthSpec
{
    /// <summary>The file the spec was read from (errors about the spec name it); null when built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Soundscape length in seconds.</summary>
    public double Duration { get; init; } = 10.0;

    /// <summary>Sample rate of every soundscape; source clips at other rates are resampled to it.</summary>
    public int SampleRate { get; init; } = 44100;

    /// <summary>Number of soundscapes over all splits, 1 to <see cref="MaxCount"/>.</summary>
    public required int Count { get; init; }

    /// <summary>
    /// The most soundscapes one spec may ask for: 100,000 (more than any public set; URBAN-SED has
    /// 10,000). Every soundscape's record is kept for the set-level tables, so a typo of a billion
    /// would exhaust memory before the first table is written.
    /// </summary>
    public const int MaxCount = 100_000;

    /// <summary>The most events a scene may ask for in one soundscape (<c>events.count</c>): 1,000.</summary>
    public const int MaxEventsPerSoundscape = 1_000;

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; }

    /// <summary>Folder of foreground clips, one subfolder per event label.</summary>
    public required string ForegroundDir { get; init; }

    /// <summary>Folder of background recordings, one subfolder per background label.</summary>
    public required string BackgroundDir { get; init; }

    /// <summary>The scenes; a spec without "scenes" has one scene labelled "soundscape".</summary>
    public required IReadOnlyList<SceneSpec> Scenes { get; init; }

    /// <summary>Whether events may overlap.</summary>
    public OverlapPolicy Overlap { get; init; } = OverlapPolicy.Allow;

    /// <summary>Most events sounding at once; null for no limit.</summary>
    public int? MaxPolyphony { get; init; }

    /// <summary>Length of the linear fade in and out applied to each event, in seconds.</summary>
    public double FadeSeconds { get; init; } = 0.01;

    /// <summary>
    /// RMS level in dBFS each soundscape's background is first normalised to (like Scaper's ref_db),
    /// so recordings of different loudness give soundscapes of one level; null keeps recordings as they are.
    /// </summary>
    public double? BackgroundLevelDb { get; init; }

    /// <summary>Gain applied to the background (after any normalisation) before events are scaled against it, in dB.</summary>
    public double BackgroundGainDb { get; init; }

    /// <summary>Share of source clips (per label) and of soundscapes that go to the test split.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Share of source clips (per label) and of soundscapes that go to the validation split; 0 for none.</summary>
    public double ValidateFraction { get; init; }

    /// <summary>The output layout.</summary>
    public SynthLayout Layout { get; init; } = SynthLayout.Tau;

    /// <summary>What errors about the spec are reported against: its file, or a placeholder for specs built in code.</summary>
    public string ErrorPath => SourcePath ?? "<spec>";

    /// <summary>Number of training soundscapes: round(count * (1 - test_fraction - validate_fraction)), halves rounded up.</summary>
    public int TrainCount => (int)Math.Round(Count * (1 - TestFraction - ValidateFraction), MidpointRounding.AwayFromZero);

    /// <summary>Number of validation soundscapes: round(count * validate_fraction), at most what train leaves.</summary>
    public int ValidateCount => Math.Min((int)Math.Round(Count * ValidateFraction, MidpointRounding.AwayFromZero), Count - TrainCount);

    /// <summary>Number of test soundscapes: the rest of <see cref="Count"/>.</summary>
    public int TestCount => Count - TrainCount - ValidateCount;

    /// <summary>The splits this spec makes: train, validate (when its fraction is positive) and test, in that order.</summary>
    public IReadOnlyList<SynthSplit> Splits => ValidateFraction > 0
        ? [SynthSplit.Train, SynthSplit.Validate, SynthSplit.Test]
        : [SynthSplit.Train, SynthSplit.Test];

    /// <summary>Number of soundscapes of <paramref name="split"/>.</summary>
    public int CountOf(SynthSplit split) => split switch
    {
        SynthSplit.Train => TrainCount,
        SynthSplit.Validate => ValidateCount,
        _ => TestCount,
    };

    /// <summary>Soundscape length in samples.</summary>
    public int LengthSamples => (int)Math.Round(Duration * SampleRate);
}
