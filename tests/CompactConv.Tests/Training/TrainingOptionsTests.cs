using CompactConv.Training;
using CompactConv.Training.Augmentation;
using CompactConv.Training.Batches;

namespace CompactConv.Tests.Training;

public class TrainingOptionsTests
{
    private static readonly TrainingOptions Defaults = new();

    // Each impossible value with the option its message must name; the edge of every valid range is
    // in Boundaries below, so each check sits exactly where the range ends.
    public static TheoryData<TrainingOptions, string> Impossible => new()
    {
        { Defaults with { Epochs = 0 }, "--epochs" },
        { Defaults with { BatchSize = 0 }, "--batch" },
        { Defaults with { LearningRate = 0 }, "--lr" },
        { Defaults with { LearningRate = double.NaN }, "--lr" },
        { Defaults with { LearningRate = double.PositiveInfinity }, "--lr" },
        { Defaults with { Momentum = -0.1 }, "--momentum" },
        { Defaults with { Momentum = 1 }, "--momentum" },
        { Defaults with { Momentum = double.NaN }, "--momentum" },
        { Defaults with { WeightDecay = -1e-4 }, "--weight-decay" },
        { Defaults with { WeightDecay = double.NaN }, "--weight-decay" },
        { Defaults with { WeightDecay = double.PositiveInfinity }, "--weight-decay" },
        { Defaults with { StepEpochs = 0 }, "--step-epochs" },
        { Defaults with { Gamma = 0 }, "--gamma" },
        { Defaults with { Gamma = double.NaN }, "--gamma" },
        { Defaults with { Gamma = double.PositiveInfinity }, "--gamma" },
        { Defaults with { WarmupEpochs = -0.5 }, "--warmup" },
        { Defaults with { WarmupEpochs = double.NaN }, "--warmup" },
        { Defaults with { LabelSmoothing = -0.1 }, "--label-smoothing" },
        { Defaults with { LabelSmoothing = 1 }, "--label-smoothing" },
        { Defaults with { LabelSmoothing = double.NaN }, "--label-smoothing" },
        { Defaults with { ClipGradNorm = 0 }, "--clip-grad" },
        { Defaults with { ClipGradNorm = -1 }, "--clip-grad" },
        { Defaults with { ClipGradNorm = double.PositiveInfinity }, "--clip-grad" },
        { Defaults with { MaxMinutes = 0 }, "--max-minutes" },
        { Defaults with { MaxMinutes = -5 }, "--max-minutes" },
        { Defaults with { MaxMinutes = double.NaN }, "--max-minutes" },
        { Defaults with { EvalBatchSize = 0 }, "eval batch size" },
        { Defaults with { Prefetch = -1 }, "--prefetch" },
        { Defaults with { Prefetch = TrainingOptions.MaxPrefetch + 1 }, "--prefetch" },
        { Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = -0.2 } }, "--mixup" },
        { Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = double.NaN } }, "--mixup" },
        { Defaults with { Augmentation = new AugmentationOptions { MixupAlpha = double.PositiveInfinity } }, "--mixup" },
        { Defaults with { Augmentation = new AugmentationOptions { TimeMasks = -1 } }, "--time-masks" },
        { Defaults with { Augmentation = new AugmentationOptions { FrequencyMasks = -1 } }, "--freq-masks" },
        { Defaults with { Augmentation = new AugmentationOptions { TimeMaskWidth = 0 } }, "--time-mask-width" },
        { Defaults with { Augmentation = new AugmentationOptions { FrequencyMaskWidth = 0 } }, "--freq-mask-width" },
        { Defaults with { Augmentation = new AugmentationOptions { CropFrames = 0 } }, "--crop-frames" },
        { Defaults with { ImageAugmentation = new ImageAugmentationOptions { CropPadding = -1 } }, "--crop-padding" },
        { Defaults with { ImageAugmentation = new ImageAugmentationOptions { CutoutSize = -1 } }, "--cutout" },
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
    public void EveryImpossibleValueIsRefusedNamingItsOptionAndTheValue(TrainingOptions options, string option)
    {
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith($"{option} must ", e.Message);
        Assert.Matches(@"got \S+$", e.Message);
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
