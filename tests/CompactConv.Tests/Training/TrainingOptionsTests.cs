using CompactConv.Training;
using CompactConv.Training.Augmentation;

namespace CompactConv.Tests.Training;

public class TrainingOptionsTests
{
    private static readonly TrainingOptions Defaults = new();

    // Each impossible value with the property its message must name (the CLI rewords it to its flag); the edge of every valid range is
    // in Boundaries below, so each check sits exactly where the range ends.
    public static TheoryData<TrainingOptions, string> Impossible => new()
    {
        { Defaults with { Epochs = 0 }, "Epochs" },
        { Defaults with { BatchSize = 0 }, "BatchSize" },
        { Defaults with { LearningRate = 0 }, "LearningRate" },
        { Defaults with { LearningRate = double.NaN }, "LearningRate" },
        { Defaults with { LearningRate = double.PositiveInfinity }, "LearningRate" },
        { Defaults with { Momentum = -0.1 }, "Momentum" },
        { Defaults with { Momentum = 1 }, "Momentum" },
        { Defaults with { Momentum = double.NaN }, "Momentum" },
        { Defaults with { WeightDecay = -1e-4 }, "WeightDecay" },
        { Defaults with { WeightDecay = double.NaN }, "WeightDecay" },
        { Defaults with { WeightDecay = double.PositiveInfinity }, "WeightDecay" },
        { Defaults with { StepEpochs = 0 }, "StepEpochs" },
        { Defaults with { Gamma = 0 }, "Gamma" },
        { Defaults with { Gamma = double.NaN }, "Gamma" },
        { Defaults with { Gamma = double.PositiveInfinity }, "Gamma" },
        { Defaults with { WarmupEpochs = -0.5 }, "WarmupEpochs" },
        { Defaults with { WarmupEpochs = double.NaN }, "WarmupEpochs" },
        { Defaults with { LabelSmoothing = -0.1 }, "LabelSmoothing" },
        { Defaults with { LabelSmoothing = 1 }, "LabelSmoothing" },
        { Defaults with { LabelSmoothing = double.NaN }, "LabelSmoothing" },
        { Defaults with { ClipGradNorm = 0 }, "ClipGradNorm" },
        { Defaults with { ClipGradNorm = -1 }, "ClipGradNorm" },
        { Defaults with { ClipGradNorm = double.PositiveInfinity }, "ClipGradNorm" },
        { Defaults with { MaxMinutes = 0 }, "MaxMinutes" },
        { Defaults with { MaxMinutes = -5 }, "MaxMinutes" },
        { Defaults with { MaxMinutes = double.NaN }, "MaxMinutes" },
        { Defaults with { EvalBatchSize = 0 }, "EvalBatchSize" },
        { Defaults with { Prefetch = -1 }, "Prefetch" },
        { Defaults with { Prefetch = TrainingOptions.MaxPrefetch + 1 }, "Prefetch" },
        { Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = -0.2 } }, "Augmentation.MixupAlpha" },
        { Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = double.NaN } }, "Augmentation.MixupAlpha" },
        { Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = double.PositiveInfinity } }, "Augmentation.MixupAlpha" },
        { Defaults with { Augmentation = new AugmentationOptions { TimeMasks = -1 } }, "Augmentation.TimeMasks" },
        { Defaults with { Augmentation = new AugmentationOptions { FrequencyMasks = -1 } }, "Augmentation.FrequencyMasks" },
        { Defaults with { Augmentation = new AugmentationOptions { TimeMaskWidth = 0 } }, "Augmentation.TimeMaskWidth" },
        { Defaults with { Augmentation = new AugmentationOptions { FrequencyMaskWidth = 0 } }, "Augmentation.FrequencyMaskWidth" },
        { Defaults with { Augmentation = new AugmentationOptions { CropFrames = 0 } }, "Augmentation.CropFrames" },
        { Defaults with { ImageAugmentation = new ImageAugmentationOptions { CropPadding = -1 } }, "ImageAugmentation.CropPadding" },
        { Defaults with { ImageAugmentation = new ImageAugmentationOptions { CutoutSize = -1 } }, "ImageAugmentation.CutoutSize" },
    };

    // The last valid value at every edge that Impossible tests just past, plus "off" for the optional settings.
    public static TheoryData<TrainingOptions> Boundaries => new()
    {
        Defaults with { Epochs = 1, BatchSize = 1, StepEpochs = 1, EvalBatchSize = 1 },
        Defaults with { LearningRate = double.Epsilon, Gamma = double.Epsilon },
        Defaults with { Momentum = 0, WeightDecay = 0, WarmupEpochs = 0, LabelSmoothing = 0 },
        Defaults with { Momentum = 0.999, LabelSmoothing = 0.999, WarmupEpochs = 2.5 },
        Defaults with { ClipGradNorm = null, MaxMinutes = null },
        Defaults with { ClipGradNorm = 1e-6, MaxMinutes = 0.01 },
        Defaults with { Prefetch = 0 },
        Defaults with { Prefetch = TrainingOptions.MaxPrefetch },
        Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = 0, TimeMasks = 0, FrequencyMasks = 0, TimeMaskWidth = 1, FrequencyMaskWidth = 1, CropFrames = 1 } },
        Defaults with { ImageAugmentation = new ImageAugmentationOptions { CropPadding = 0, CutoutSize = 0 } },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void EveryImpossibleValueIsRefusedNamingItsPropertyAndTheValue(TrainingOptions options, string property)
    {
        var e = Assert.Throws<InvalidOptionException>(options.Validate);
        Assert.Equal(property, e.Property);
        Assert.StartsWith($"{property} must ", e.Message);
        Assert.Matches(@"got \S+$", e.Message);
    }

    [Theory]
    [MemberData(nameof(Impossible))]
    public void TheCliRewordsEveryRefusalWithItsFlag(TrainingOptions options, string property)
    {
        var e = Assert.Throws<InvalidOptionException>(options.Validate);
        string? flag = CompactConv.Cli.OptionFlags.FlagOf(property);
        string reworded = CompactConv.Cli.OptionFlags.Reword(e);
        if (flag is null)
        {
            // Settings no flag sets (the evaluation batch, SpecAugment's mask widths) keep the library's wording.
            Assert.Contains(property, new[] { nameof(TrainingOptions.EvalBatchSize), "Augmentation.TimeMaskWidth", "Augmentation.FrequencyMaskWidth" });
            Assert.Equal(e.Message, reworded);
            return;
        }
        Assert.StartsWith($"{flag} must ", reworded);
        Assert.Equal(CompactConv.Cli.CommandRunner.OneLine(e), reworded);
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void ValuesAtTheEdgeOfEveryValidRangeAreAccepted(TrainingOptions options)
    {
        Assert.Null(Record.Exception(options.Validate));
    }

    [Fact]
    public void TheDefaultsAreAcceptedAndTrainWithoutClippingOrBudget()
    {
        Assert.Null(Record.Exception(Defaults.Validate));
        Assert.Null(Defaults.ClipGradNorm);
        Assert.Null(Defaults.MaxMinutes);
    }
}
