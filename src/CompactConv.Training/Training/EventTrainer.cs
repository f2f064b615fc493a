using CompactConv.Metrics.Sed;
using CompactConv.Runtime;
using CompactConv.Models;
using CompactConv.Training.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// Frame-wise multi-label training for sound event detection: binary cross-entropy with logits on
/// frame targets, optional mixup and SpecAugment masks, a checkpoint per epoch with exact resume (the
/// seeding, schedule and run folder of <see cref="Trainer"/>), and model selection by an injected
/// validation scorer (the pipeline's validation event-based F1): <c>best.model</c> holds the epoch with
/// the highest score.
/// </summary>
/// <remarks>
/// With clip targets and a <see cref="Crnn"/> built with its attention head, the loss adds the mean
/// binary cross-entropy of the clip probabilities against the clip targets; otherwise clip targets are
/// not used. The scorer must be deterministic for a resumed run to choose the same best epoch.
/// </remarks>
public sealed class EventTrainer
{
    private readonly nn.Module<Tensor, Tensor>? model;
    private readonly RunConfig? config;
    private readonly string? runFolder;
    private readonly TrainingOptions options;

    /// <summary>
    /// Trains <paramref name="model"/>, a module of the caller's that maps clips [N, 1, mels, frames] to
    /// frame logits [N, frames, classes], with <paramref name="options"/>; nothing is written, and the module
    /// ends holding the best epoch's weights (by <see cref="ValidationScorer"/>, else the last epoch's).
    /// </summary>
    /// <exception cref="InvalidOptionException">An option is impossible, or asks for crops (which would cut the frame targets).</exception>
    public EventTrainer(nn.Module<Tensor, Tensor> model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        this.model = model;
        this.options = options;
    }

    /// <summary>
    /// Trains the model of <paramref name="config"/> into <paramref name="runFolder"/>. Without
    /// <paramref name="validationScorer"/> the best model is always the latest one; <paramref name="clock"/>
    /// (the system clock by default) times the epochs and the time budget, and <paramref name="stop"/>,
    /// once requested, stops training at the next step boundary with a checkpoint.
    /// </summary>
    /// <remarks>The trainer does not lock the folder: callers that may race another writer hold <see cref="RunFolder.Lock"/>.</remarks>
    public EventTrainer(RunConfig config, string runFolder, Func<nn.Module<Tensor, Tensor>, double>? validationScorer = null,
        ITrainingObserver? observer = null, TimeProvider? clock = null, StopToken? stop = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runFolder);
        CheckOptions(config.Training);
        this.config = config;
        this.runFolder = runFolder;
        options = config.Training;
        ValidationScorer = validationScorer;
        Observer = observer ?? NullTrainingObserver.Instance;
        Clock = clock ?? TimeProvider.System;
        Stop = stop;
    }

    private static void CheckOptions(TrainingOptions options)
    {
        options.Validate();
        if (options.Augmentation.CropFrames is not null)
        {
            throw new InvalidOptionException($"{nameof(TrainingOptions.Augmentation)}.{nameof(AugmentationOptions.CropFrames)}",
                "does not apply to sound event detection: crops would have to cut the frame targets");
        }
    }

    /// <summary>
    /// Scores the model after each epoch (higher is better, e.g. validation event-based F1); the best score
    /// picks best.model, or the weights the module ends with. Must be deterministic for a resumed run to
    /// choose the same best epoch. Null: the latest epoch is the best.
    /// </summary>
    public Func<nn.Module<Tensor, Tensor>, double>? ValidationScorer { get; init; }

    /// <summary>The device the model trains on (the CPU by default); data moves there batch by batch.</summary>
    public Device Device { get; init; } = CPU;

    /// <summary>Receives progress: each step's loss and each epoch's figures (<see cref="ITrainingObserver.EventEpochCompleted"/>).</summary>
    public ITrainingObserver Observer { get; init; } = NullTrainingObserver.Instance;

    /// <summary>Times the epochs and the <see cref="TrainingOptions.MaxMinutes"/> budget.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Once requested, ends training at the next step boundary (with a checkpoint when there is a run folder).</summary>
    public StopToken? Stop { get; init; }

    /// <summary>Trains on <paramref name="train"/>; with a run folder this is a new run (a folder holding a checkpoint is refused).</summary>
    public EventTrainingResult Fit(EventTensorDataset train) => Run(train, resume: false);

    /// <summary>
    /// <see cref="Fit"/> into the run folder, or, with <paramref name="resume"/>, continuing it from its last checkpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="resume"/> without a run folder.</exception>
    public EventTrainingResult Run(EventTensorDataset train, bool resume)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (resume && runFolder is null) throw new InvalidOperationException("resume needs a run folder: construct the trainer from a RunConfig and a folder");
        if (config is not null && train.Classes != config.ClassNames.Length)
        {
            throw new ArgumentException($"the frame targets have {train.Classes} classes but the run config names {config.ClassNames.Length}", nameof(train));
        }
        var setup = new TrainingSetup(options, Device, Observer, Clock, Stop);
        var folder = config is null ? null : new RunFolderTarget(config, runFolder!, resume);
        using var owned = model is null ? Trainer.BuildModel(config!) : null;
        var scorer = ValidationScorer;
        var outcome = EpochLoop.Run<EventEpochRecord, EventCheckpointState>(model ?? owned!, setup, folder, train.Count,
            epoch => RunEpoch(epoch, train) is { } record
                ? record with { ValidationScore = scorer is null ? double.NaN : scorer(epoch.Model) }
                : null,
            record => record.ValidationScore, latestIsBest: scorer is null, Observer.EventEpochCompleted);
        return new EventTrainingResult(outcome.History.Count, outcome.History, outcome.BestEpoch, outcome.Best, outcome.Stop);
    }

    /// <summary>Mean binary cross-entropy of frame logits [N, T, K] against frame targets of the same shape (soft targets allowed).</summary>
    public static Tensor FrameLoss(Tensor frameLogits, Tensor frameTargets) =>
        nn.functional.binary_cross_entropy_with_logits(frameLogits, frameTargets);

    /// <summary>
    /// <see cref="FrameLoss(Tensor, Tensor)"/> over the clips whose weight in <paramref name="clipWeights"/> [N]
    /// is 1 only (clips with frame targets); 0 when the batch has none. Without weights, the plain mean.
    /// </summary>
    public static Tensor FrameLoss(Tensor frameLogits, Tensor frameTargets, Tensor? clipWeights)
    {
        if (clipWeights is null) return FrameLoss(frameLogits, frameTargets);
        var perClip = nn.functional.binary_cross_entropy_with_logits(frameLogits, frameTargets, reduction: nn.Reduction.None).mean([1, 2]);
        return (perClip * clipWeights).sum() / clipWeights.sum().clamp_min(1);
    }

    /// <summary>
    /// Sigmoid frame posteriors [N, frames, classes] of <paramref name="model"/> for <paramref name="inputs"/>,
    /// in evaluation mode without gradients, <paramref name="batchSize"/> clips at a time. The model's
    /// training flag is put back afterwards.
    /// </summary>
    public static Tensor PredictFramePosteriors(nn.Module<Tensor, Tensor> model, Tensor inputs, int batchSize = 32)
    {
        if (batchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {batchSize}");
        long count = inputs.shape[0];
        if (count == 0) throw new ArgumentException("no inputs to predict");
        var device = ComputeDevice.Of(model);
        return InferenceMode.Run(model, () =>
        {
            var parts = new List<Tensor>();
            try
            {
                for (long start = 0; start < count; start += batchSize)
                {
                    using var scope = NewDisposeScope();
                    var batch = ComputeDevice.OnDevice(inputs.narrow(0, start, Math.Min(batchSize, count - start)), device);
                    parts.Add(nn.functional.sigmoid(model.call(batch)).cpu().MoveToOuterDisposeScope());
                }
                return cat(parts, 0);
            }
            finally
            {
                foreach (var part in parts) part.Dispose();
            }
        });
    }

    /// <summary>
    /// Micro F1 of frame decisions (posterior &gt;= <paramref name="threshold"/>) against targets (&gt;= 0.5),
    /// over every clip, frame and class: 2 TP / (2 TP + FP + FN), and 0 when there is nothing to find and nothing found.
    /// </summary>
    public static double FrameF1(Tensor posteriors, Tensor targets, double threshold = 0.5)
    {
        using var scope = NewDisposeScope();
        return FrameCounts.Of(posteriors, targets, tensor(threshold)).F1;
    }

    private EventEpochRecord? RunEpoch(EpochContext epoch, EventTensorDataset train)
    {
        var augmentation = options.Augmentation;
        var clipModel = epoch.Model is Crnn { AttentionHead: true } crnn && train.ClipTargets is not null ? crnn : null;
        double learningRate = 0;
        for (long step = epoch.FirstStep; step < epoch.StepsPerEpoch; step++)
        {
            if (epoch.StopsBefore(step)) return null;
            using var scope = NewDisposeScope();
            (var index, long length, learningRate) = epoch.BeginStep(step);
            var inputs = train.Inputs.index_select(0, index);
            var selected = new List<Tensor> { train.FrameTargets.index_select(0, index) };
            if (clipModel is not null) selected.Add(train.ClipTargets!.index_select(0, index));
            // The strong-label flag rides along as a target so mixup mixes it too: a mixed clip has
            // frame targets only when both of its sources had them.
            if (train.Strong is not null) selected.Add(train.Strong.index_select(0, index).to_type(ScalarType.Float32).unsqueeze(1));
            Tensor[] targets = selected.ToArray();
            if (augmentation.Any) (inputs, targets) = SpectrogramAugmenter.ApplyWithTargets(inputs, targets, augmentation, epoch.AugmentRandom);
            // Augmentation draws on the CPU; the model's device gets the result.
            inputs = ComputeDevice.OnDevice(inputs, epoch.Device);
            targets = targets.Select(target => ComputeDevice.OnDevice(target, epoch.Device)).ToArray();
            var strongWeights = train.Strong is null ? null : targets[^1].squeeze(1).ge(1 - 1e-6).to_type(ScalarType.Float32);

            Tensor frameLogits, loss;
            if (clipModel is not null)
            {
                (frameLogits, var clip) = clipModel.ForwardWithClip(inputs);
                loss = FrameLoss(frameLogits, targets[0], strongWeights) + nn.functional.binary_cross_entropy(clip, targets[1]);
            }
            else
            {
                frameLogits = epoch.Model.call(inputs);
                loss = FrameLoss(frameLogits, targets[0], strongWeights);
            }
            double lossValue = TrainingDivergedException.CheckFinite(loss.item<float>(), epoch.Epoch, step + 1);
            epoch.BackwardAndStep(loss);

            var counts = FrameCounts.Of(frameLogits.detach().ge(0), targets[0].ge(FrameCounts.TargetThreshold));
            var tally = epoch.Tally;
            epoch.Tally = tally with
            {
                LossSum = tally.LossSum + lossValue * length,
                TruePositives = tally.TruePositives + counts.TruePositives,
                FalsePositives = tally.FalsePositives + counts.FalsePositives,
                FalseNegatives = tally.FalseNegatives + counts.FalseNegatives,
            };
            Observer.StepCompleted(epoch.Epoch, step + 1, epoch.StepsPerEpoch, lossValue);
        }
        double seconds = epoch.TrainingSeconds();
        var sums = epoch.Tally;
        return new EventEpochRecord(epoch.Epoch, learningRate, sums.LossSum / train.Count,
            new FrameCounts(sums.TruePositives, sums.FalsePositives, sums.FalseNegatives).F1, double.NaN, seconds, train.Count / seconds);
    }
}
