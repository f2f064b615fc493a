using CompactConv.Audio.Features;

namespace CompactConv.Pipelines;

/// <summary>The audio tasks <c>compactconv demo</c> runs besides the image demo.</summary>
public enum AudioDemoTask
{
    /// <summary>Acoustic scene classification (dcase-baseline) on soundscapes in the TAU layout.</summary>
    Scenes,

    /// <summary>Sound event detection (crnn) on soundscapes in the URBAN-SED layout.</summary>
    Events,
}

/// <summary>
/// Settings of <c>compactconv demo --task scenes|events</c> (<see cref="AudioDemo"/>). The overrides
/// (null: the task's recipe, <see cref="AudioDemoRecipe"/>) let tests and curious users shrink or
/// change a run without a new recipe; the results say what was used.
/// </summary>
public sealed record AudioDemoOptions
{
    /// <summary>The task.</summary>
    public required AudioDemoTask Task { get; init; }

    /// <summary>Where the models train and are evaluated (the CPU by default).</summary>
    public TorchSharp.torch.Device Device { get; init; } = TorchSharp.torch.CPU;

    /// <summary>Quick mode: fewer epochs and only the baseline and compact(max, r=2).</summary>
    public bool Quick { get; init; }

    /// <summary>Output folder: soundscapes, feature cache, one run folder per configuration, results.csv, report.md.</summary>
    public required string OutDir { get; init; }

    /// <summary>
    /// Sample folder (backgrounds/, events/ and the task's spec, as <c>data/audio-samples</c>); null uses
    /// the embedded set.
    /// </summary>
    public string? SamplesDir { get; init; }

    /// <summary>Seed of the training runs (the soundscapes keep their spec's seed).</summary>
    public int Seed { get; init; }

    /// <summary>Epochs of every run; null for the recipe's (which differ between quick and full).</summary>
    public int? Epochs { get; init; }

    /// <summary>Soundscapes to synthesise over all splits; null for the spec's count.</summary>
    public int? Soundscapes { get; init; }

    /// <summary>Log-mel front end; null for the recipe's. The soundscapes are resampled to its rate when they are read.</summary>
    public LogMelOptions? Features { get; init; }

    /// <summary>Width multiplier of the baseline and same-width compact runs; null for the recipe's.</summary>
    public double? Width { get; init; }

    /// <summary>Mini-batch size; null for the recipe's.</summary>
    public int? BatchSize { get; init; }
}
