using System.Text.RegularExpressions;
using CompactConv.Training;

namespace CompactConv.Cli;

/// <summary>
/// Speaks the library's errors in the command line's terms. Library exceptions name what is wrong
/// the way a program sets it (<c>TrainingOptions.Epochs</c>, <c>ModelSpec.Width</c>); on the command
/// line the same value comes from a flag, so every such name in a message is replaced by its flag
/// (<c>--epochs</c>, <c>--width</c>) before the message is printed.
/// </summary>
public static class OptionFlags
{
    /// <summary>
    /// Library member (as <c>Type.Member</c>) -> the flag that sets it. A name missing here is printed as
    /// the library wrote it, which is still a precise name; tests check that every entry names a real
    /// member and a real flag.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TrainingOptions.Epochs"] = "--epochs",
        ["TrainingOptions.BatchSize"] = "--batch",
        ["TrainingOptions.LearningRate"] = "--lr",
        ["TrainingOptions.Optimizer"] = "--optimizer",
        ["TrainingOptions.Momentum"] = "--momentum",
        ["TrainingOptions.WeightDecay"] = "--weight-decay",
        ["TrainingOptions.Schedule"] = "--schedule",
        ["TrainingOptions.StepEpochs"] = "--step-epochs",
        ["TrainingOptions.Gamma"] = "--gamma",
        ["TrainingOptions.WarmupEpochs"] = "--warmup",
        ["TrainingOptions.LabelSmoothing"] = "--label-smoothing",
        ["TrainingOptions.ClipGradNorm"] = "--clip-grad",
        ["TrainingOptions.MaxMinutes"] = "--max-minutes",
        ["TrainingOptions.Seed"] = "--seed",
        ["TrainingOptions.Prefetch"] = "--prefetch",
        ["TrainingOptions.Augmentation.MixupAlpha"] = "--mixup",
        ["TrainingOptions.Augmentation.TimeMasks"] = "--time-masks",
        ["TrainingOptions.Augmentation.FrequencyMasks"] = "--freq-masks",
        ["TrainingOptions.Augmentation.CropFrames"] = "--crop-frames",
        ["TrainingOptions.ImageAugmentation.CropPadding"] = "--crop-padding",
        ["TrainingOptions.ImageAugmentation.CutoutSize"] = "--cutout",
        ["ModelSpec.Name"] = "--model",
        ["ModelSpec.Width"] = "--width",
        ["ImageDataRequest.DataDir"] = "--data",
        ["ImageDataRequest.TrainLimit"] = "--train-limit",
        ["ImageDataRequest.ValidationFraction"] = "--validation-fraction",
        ["ImageDatasetOptions.Labels"] = "--labels",
        ["ImageDatasetOptions.TestFraction"] = "--test-fraction",
        ["ImageDatasetOptions.SkipBad"] = "--skip-bad",
        ["ImageDatasetOptions.Height"] = "--image-size",
        ["ImageDatasetOptions.Width"] = "--image-size",
        ["ImageDatasetOptions.Grey"] = "--grey",
        ["AudioDataRequest.DataDir"] = "--data",
        ["AudioDataRequest.For(dataDir)"] = "--data",
        ["AudioDataRequest.Fold"] = "--fold",
        ["AudioDataRequest.SkipBad"] = "--skip-bad",
        ["AudioDataRequest.CacheDir"] = "--cache",
        ["AudioDatasetOptions.ValidationFraction"] = "--validation-fraction",
        ["EventDatasetOptions.HoldOutFraction"] = "--validation-fraction",
        ["AudioDemoOptions.Epochs"] = "--epochs",
        ["AudioDemoOptions.OutDir"] = "--out",
        ["AudioDemoOptions.SamplesDir"] = "--data",
        ["EventDetection.Evaluate(tuneThresholds)"] = "--tune-thresholds",
        ["OnnxExportOptions.Opset"] = "--opset",
        ["Trainer.Run(resume)"] = "--resume",
        ["EventOverlaps.Merge(list)"] = "--merge-reference",
    };

    /// <summary>The flag of a <see cref="TrainingOptions"/> property path such as <c>Augmentation.CropFrames</c>; null where no flag sets it.</summary>
    public static string? FlagOf(string trainingOptionsProperty) => Flags.GetValueOrDefault($"{nameof(TrainingOptions)}.{trainingOptionsProperty}");

    /// <summary>A refused training option as the command line names it: its flag and the reason, or the library's words where no flag sets it.</summary>
    public static string Reword(InvalidOptionException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return FlagOf(e.Property) is { } flag ? $"{flag} {e.Reason}" : e.Message;
    }

    /// <summary><paramref name="message"/> with every library name of <see cref="Flags"/> replaced by its flag.</summary>
    public static string ToFlags(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Pattern.Replace(message, match => Flags[match.Value]);
    }

    // Longest names first, so that a name never matches inside a longer one; no identifier character
    // may follow, so that TrainingOptions.Seed does not match inside TrainingOptions.SeedOffset.
    private static readonly Regex Pattern = new(
        "(?<![A-Za-z0-9_.])(?:" + string.Join("|", Flags.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + ")(?![A-Za-z0-9_])",
        RegexOptions.CultureInvariant);
}
