using CompactConv.Training;

namespace CompactConv.Cli;

/// <summary>
/// The flag that sets each <see cref="TrainingOptions"/> property, so that the library's refusals,
/// which name properties, reach the user in terms of what they typed.
/// </summary>
public static class TrainingOptionFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        [nameof(TrainingOptions.Epochs)] = "--epochs",
        [nameof(TrainingOptions.BatchSize)] = "--batch",
        [nameof(TrainingOptions.LearningRate)] = "--lr",
        [nameof(TrainingOptions.Momentum)] = "--momentum",
        [nameof(TrainingOptions.WeightDecay)] = "--weight-decay",
        [nameof(TrainingOptions.StepEpochs)] = "--step-epochs",
        [nameof(TrainingOptions.Gamma)] = "--gamma",
        [nameof(TrainingOptions.WarmupEpochs)] = "--warmup",
        [nameof(TrainingOptions.LabelSmoothing)] = "--label-smoothing",
        [nameof(TrainingOptions.ClipGradNorm)] = "--clip-grad",
        [nameof(TrainingOptions.MaxMinutes)] = "--max-minutes",
        [nameof(TrainingOptions.Prefetch)] = "--prefetch",
        ["Augmentation.MixupAlpha"] = "--mixup",
        ["Augmentation.TimeMasks"] = "--time-masks",
        ["Augmentation.FrequencyMasks"] = "--freq-masks",
        ["Augmentation.TimeMaskWidth"] = "--time-mask-width",
        ["Augmentation.FrequencyMaskWidth"] = "--freq-mask-width",
        ["Augmentation.CropFrames"] = "--crop-frames",
        ["ImageAugmentation.CropPadding"] = "--crop-padding",
        ["ImageAugmentation.CutoutSize"] = "--cutout",
    };

    /// <summary>The flag of <paramref name="property"/> (a path such as <c>Augmentation.CropFrames</c>); null for a setting no flag sets.</summary>
    public static string? FlagOf(string property) => Flags.GetValueOrDefault(property);

    /// <summary>The refusal with the flag in place of the property; properties without a flag keep the library's wording.</summary>
    public static string Reword(InvalidOptionException e) =>
        FlagOf(e.Property) is { } flag ? $"{flag} {e.Reason}" : e.Message;
}
