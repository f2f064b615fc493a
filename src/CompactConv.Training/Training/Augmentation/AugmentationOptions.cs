namespace CompactConv.Training.Augmentation;

/// <summary>
/// Train-time augmentation of spectrogram batches [N, C, F, T]; all off by default. Saved with the
/// training options, so a resumed run augments the same way.
/// </summary>
public sealed record AugmentationOptions
{
    /// <summary>Mixup's Beta(alpha, alpha) parameter; 0 turns mixup off (the paper's lab used 0.2).</summary>
    public double MixupAlpha { get; init; }

    /// <summary>Number of SpecAugment time masks per example.</summary>
    public int TimeMasks { get; init; }

    /// <summary>Largest width of a time mask, in frames.</summary>
    public int TimeMaskWidth { get; init; } = 20;

    /// <summary>Number of SpecAugment frequency masks per example.</summary>
    public int FrequencyMasks { get; init; }

    /// <summary>Largest width of a frequency mask, in bins.</summary>
    public int FrequencyMaskWidth { get; init; } = 16;

    /// <summary>
    /// Train on random crops of this many frames (null: whole inputs). Evaluation then averages the
    /// class probabilities of consecutive crops over each whole clip.
    /// </summary>
    public int? CropFrames { get; init; }

    /// <summary>True when any augmentation is on.</summary>
    public bool Any => MixupAlpha > 0 || TimeMasks > 0 || FrequencyMasks > 0 || CropFrames is not null;

    /// <summary>Throws <see cref="InvalidOptionException"/> naming the first impossible property and its value.</summary>
    public void Validate()
    {
        if (!(MixupAlpha >= 0) || double.IsInfinity(MixupAlpha)) throw new InvalidOptionException(nameof(MixupAlpha), $"must be a number not below 0, got {MixupAlpha}");
        if (TimeMasks < 0) throw new InvalidOptionException(nameof(TimeMasks), $"must not be negative, got {TimeMasks}");
        if (FrequencyMasks < 0) throw new InvalidOptionException(nameof(FrequencyMasks), $"must not be negative, got {FrequencyMasks}");
        if (TimeMaskWidth < 1) throw new InvalidOptionException(nameof(TimeMaskWidth), $"must be at least 1, got {TimeMaskWidth}");
        if (FrequencyMaskWidth < 1) throw new InvalidOptionException(nameof(FrequencyMaskWidth), $"must be at least 1, got {FrequencyMaskWidth}");
        if (CropFrames is < 1) throw new InvalidOptionException(nameof(CropFrames), $"must be at least 1, got {CropFrames}");
    }
}
