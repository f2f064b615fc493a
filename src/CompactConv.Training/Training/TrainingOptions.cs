namespace CompactConv.Training;

/// <summary>Optimisers the trainer can use.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with (Nesterov) momentum and decoupled-from-nothing L2 weight decay, as in torch.optim.SGD.</summary>
    Sgd,
    /// <summary>AdamW (decoupled weight decay).</summary>
    AdamW,
}

/// <summary>Learning-rate schedules, applied per optimisation step.</summary>
public enum ScheduleKind
{
    /// <summary>Constant learning rate.</summary>
    Constant,
    /// <summary>Cosine decay from the base rate to 0 over all steps (after the warm-up).</summary>
    Cosine,
    /// <summary>Multiply by <see cref="TrainingOptions.Gamma"/> every <see cref="TrainingOptions.StepEpochs"/> epochs.</summary>
    Step,
}

/// <summary>Hyper-parameters of a training run. Saved in config.json so a run can be resumed or reproduced.</summary>
public sealed record TrainingOptions
{
    /// <summary>The most batches the image loader thread may have ready ahead of the trainer.</summary>
    public const int MaxPrefetch = 16;

    /// <summary>Number of passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Base learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>SGD momentum (Nesterov).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Weight decay (L2 for SGD, decoupled for AdamW).</summary>
    public double WeightDecay { get; init; } = 5e-4;

    /// <summary>Learning-rate schedule.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Cosine;

    /// <summary>Epochs between decays of the step schedule.</summary>
    public int StepEpochs { get; init; } = 30;

    /// <summary>Decay factor of the step schedule.</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>Linear warm-up length in epochs (may be fractional; 0 for none).</summary>
    public double WarmupEpochs { get; init; }

    /// <summary>Label smoothing of the cross-entropy loss (0 for none).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>
    /// Maximum total L2 norm of all gradients together: larger gradients are scaled down to it before
    /// each optimiser step (torch.nn.utils.clip_grad_norm_); null for no clipping.
    /// </summary>
    public double? ClipGradNorm { get; init; }

    /// <summary>
    /// Time budget of one invocation in minutes: training stops at the first step boundary after it
    /// runs out and leaves a checkpoint that <c>--resume</c> continues exactly; null for no budget.
    /// </summary>
    public double? MaxMinutes { get; init; }

    /// <summary>Seed for initialisation, shuffling, dropout and stochastic pooling.</summary>
    public int Seed { get; init; }

    /// <summary>Train-time augmentation (mixup, SpecAugment, random crops); all off by default.</summary>
    public Augmentation.AugmentationOptions Augmentation { get; init; } = new();

    /// <summary>
    /// Image augmentation (random crop with padding, flip, cutout); all off by default. When any is on,
    /// image training takes its batches from an <see cref="Batches.ImageBatchSource"/>.
    /// </summary>
    public Augmentation.ImageAugmentationOptions ImageAugmentation { get; init; } = new();

    /// <summary>Image batches the loader thread prepares ahead of the model (2 to 4 keep one step's worth of slack
    /// without holding much memory); 0 prepares each batch on the training thread when it is asked for.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Batch size used for evaluation.</summary>
    public int EvalBatchSize { get; init; } = 500;

    /// <summary>Throws <see cref="InvalidOptionException"/> naming the first impossible property and its value.</summary>
    /// <remarks>Every comparison is written so that NaN fails it, and infinities are refused where they would poison the arithmetic.</remarks>
    public void Validate()
    {
        if (Epochs < 1) throw new InvalidOptionException(nameof(Epochs), $"must be at least 1, got {Epochs}");
        if (BatchSize < 1) throw new InvalidOptionException(nameof(BatchSize), $"must be at least 1, got {BatchSize}");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new InvalidOptionException(nameof(LearningRate), $"must be a positive number, got {LearningRate}");
        if (!(Momentum >= 0 && Momentum < 1)) throw new InvalidOptionException(nameof(Momentum), $"must be in [0, 1), got {Momentum}");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay)) throw new InvalidOptionException(nameof(WeightDecay), $"must be a number not below 0, got {WeightDecay}");
        if (StepEpochs < 1) throw new InvalidOptionException(nameof(StepEpochs), $"must be at least 1, got {StepEpochs}");
        if (!(Gamma > 0) || double.IsInfinity(Gamma)) throw new InvalidOptionException(nameof(Gamma), $"must be a positive number, got {Gamma}");
        if (!(WarmupEpochs >= 0) || double.IsInfinity(WarmupEpochs)) throw new InvalidOptionException(nameof(WarmupEpochs), $"must be a number not below 0, got {WarmupEpochs}");
        if (!(LabelSmoothing >= 0 && LabelSmoothing < 1)) throw new InvalidOptionException(nameof(LabelSmoothing), $"must be in [0, 1), got {LabelSmoothing}");
        if (ClipGradNorm is { } clip && !(clip > 0 && double.IsFinite(clip))) throw new InvalidOptionException(nameof(ClipGradNorm), $"must be a positive number, got {clip}");
        if (MaxMinutes is { } minutes && !(minutes > 0 && double.IsFinite(minutes))) throw new InvalidOptionException(nameof(MaxMinutes), $"must be a positive number, got {minutes}");
        if (EvalBatchSize < 1) throw new InvalidOptionException(nameof(EvalBatchSize), $"must be at least 1, got {EvalBatchSize}");
        if (Prefetch is < 0 or > MaxPrefetch)
            throw new InvalidOptionException(nameof(Prefetch), $"must be 0 to {MaxPrefetch}, got {Prefetch}");
        try
        {
            Augmentation.Validate();
        }
        catch (InvalidOptionException e)
        {
            throw e.Within(nameof(Augmentation));
        }
        try
        {
            ImageAugmentation.Validate();
        }
        catch (InvalidOptionException e)
        {
            throw e.Within(nameof(ImageAugmentation));
        }
    }
}
