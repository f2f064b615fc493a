using CompactConv.Models;
using CompactConv.Runtime;
using CompactConv.Training.Batches;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>The outcome of <c>Trainer.Run</c>.</summary>
/// <param name="EpochsCompleted">Epochs in <paramref name="History"/>.</param>
/// <param name="History">Every completed epoch's figures.</param>
/// <param name="FinalValidationAccuracy">Validation accuracy after the last completed epoch (NaN without validation data or epochs).</param>
/// <param name="BestEpoch">The epoch best.model holds: the best validation accuracy, or the latest epoch without validation data.</param>
/// <param name="BestValidationAccuracy">Validation accuracy of <paramref name="BestEpoch"/>.</param>
/// <param name="Stop">Where a run stopped by its time budget or a stop request continues; null when it ran to the end.</param>
public sealed record TrainingResult(int EpochsCompleted, IReadOnlyList<EpochRecord> History, double FinalValidationAccuracy, int BestEpoch,
    double BestValidationAccuracy, TrainingStop? Stop = null);

/// <summary>
/// Supervised classification training with checkpoint-per-epoch and exact resume. Every random
/// choice is seeded from the run seed: initialisation once, shuffling per epoch, dropout, stochastic
/// pooling and augmentation per step; the learning rate is a pure function of the step. So a run
/// resumed at an epoch boundary, or inside an epoch after a <see cref="TrainingOptions.MaxMinutes"/>
/// or <see cref="StopToken"/> stop, continues exactly as an uninterrupted one would. The best epoch is chosen on validation data
/// (best.model); the trainer never sees a test split.
/// </summary>
public sealed class Trainer
{
    private readonly RunConfig config;
    private readonly string runFolder;
    private readonly ITrainingObserver observer;
    private readonly TimeProvider? clock;
    private readonly StopToken? stop;

    /// <summary>
    /// Trains the model that <paramref name="config"/> describes into <paramref name="runFolder"/>;
    /// <paramref name="clock"/> (the system clock by default) times the epochs and the time budget, and
    /// <paramref name="stop"/>, once requested, stops training at the next step boundary with a checkpoint.
    /// </summary>
    /// <remarks>The trainer does not lock the folder: callers that may race another writer hold <see cref="RunFolder.Lock"/>.</remarks>
    public Trainer(RunConfig config, string runFolder, ITrainingObserver? observer = null, TimeProvider? clock = null, StopToken? stop = null)
    {
        config.Training.Validate();
        this.config = config;
        this.runFolder = runFolder;
        this.observer = observer ?? NullTrainingObserver.Instance;
        this.clock = clock;
        this.stop = stop;
    }

    /// <summary>
    /// Builds the model of a config on the CPU with the seeded initialisation every run of it uses
    /// (the same weights whatever the device; <see cref="ComputeDevice.Place"/> moves it).
    /// </summary>
    public static nn.Module<Tensor, Tensor> BuildModel(RunConfig config)
    {
        manual_seed(config.Training.Seed);
        return ModelRegistry.Create(config.Model);
    }

    /// <summary>
    /// Runs (or, with <paramref name="resume"/>, continues) training on the tensors of <paramref name="train"/>,
    /// scoring every epoch on <paramref name="validation"/>, whose best accuracy picks best.model (without
    /// validation data the latest epoch is the best). Without resume, a folder that already holds a
    /// checkpoint is refused rather than overwritten.
    /// </summary>
    public TrainingResult Run(TensorDataset train, TensorDataset? validation, bool resume) =>
        Run(train.Count, epoch => RunEpoch(epoch, new TensorSteps(train), train.Count, validation), validation is null, resume);

    /// <summary>
    /// Runs (or continues) training on the batches of an image input pipeline, which crops, flips
    /// and cuts out on its loader thread while the model trains. The batches follow the same
    /// per-epoch order as <see cref="Run(TensorDataset, TensorDataset, bool)"/>, so a resumed run
    /// continues exactly; <paramref name="validation"/> picks best.model as there.
    /// </summary>
    public TrainingResult Run(ImageBatchSource batches, TensorDataset? validation, bool resume)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Options.BatchSize != config.Training.BatchSize || batches.Options.Seed != config.Training.Seed)
            throw new ArgumentException("the image batch source must use the run's batch size and seed (ImageBatchSource.ForRun)", nameof(batches));
        return Run(batches.Count, epoch =>
        {
            using var steps = new PipelineSteps(batches, epoch);
            return RunEpoch(epoch, steps, batches.Count, validation);
        }, validation is null, resume);
    }

    private TrainingResult Run(long samples, Func<EpochContext, EpochRecord?> runEpoch, bool latestIsBest, bool resume)
    {
        var outcome = EpochLoop.Run<EpochRecord, CheckpointState>(config, runFolder, resume, samples, observer,
            runEpoch, TallySize, record => record.ValidationAccuracy, latestIsBest, observer.EpochCompleted, clock, stop);
        var history = outcome.History;
        double final = history.Count > 0 ? history[^1].ValidationAccuracy : double.NaN;
        return new TrainingResult(history.Count, history, final, outcome.BestEpoch, outcome.Best, outcome.Stop);
    }

    // The epoch's running sums: loss times batch length, and correct predictions.
    private const int TallySize = 2, LossSum = 0, Correct = 1;

    private EpochRecord? RunEpoch(EpochContext epoch, IStepInputs steps, long samples, TensorDataset? validation)
    {
        var options = config.Training;
        var augmentation = options.Augmentation;
        var model = epoch.Model;
        var tally = epoch.Tally;
        double learningRate = 0;
        for (long step = epoch.FirstStep; step < epoch.StepsPerEpoch; step++)
        {
            if (epoch.StopsBefore(step)) return null;
            using var scope = NewDisposeScope();
            (var index, long length, learningRate) = epoch.BeginStep(step);
            var (inputs, labels) = steps.Take(step, index);

            // Augmentation draws on the CPU, where the batch was made; the model's device gets the result.
            Tensor logits, loss, truth;
            if (augmentation.Any)
            {
                var (augmented, targets) = Augmentation.SpectrogramAugmenter.Apply(inputs, labels, config.ClassNames.Length, augmentation, epoch.AugmentRandom);
                targets = ComputeDevice.Move(targets);
                logits = model.call(ComputeDevice.Move(augmented));
                loss = SoftTargetCrossEntropy(logits, targets, options.LabelSmoothing);
                truth = targets.argmax(1);
            }
            else
            {
                truth = ComputeDevice.Move(labels);
                logits = model.call(ComputeDevice.Move(inputs));
                loss = nn.functional.cross_entropy(logits, truth, label_smoothing: options.LabelSmoothing);
            }
            double lossValue = TrainingDivergedException.CheckFinite(loss.item<float>(), epoch.Epoch, step + 1);
            epoch.BackwardAndStep(loss);

            tally[LossSum] += lossValue * length;
            tally[Correct] += logits.argmax(1).eq(truth).sum().item<long>();
            observer.StepCompleted(epoch.Epoch, step + 1, epoch.StepsPerEpoch, lossValue);
        }
        double seconds = epoch.TrainingSeconds();
        var metrics = validation is null ? null : Evaluator.Evaluate(model, validation, config.ClassNames, options.EvalBatchSize, augmentation.CropFrames);
        return new EpochRecord(epoch.Epoch, learningRate, tally[LossSum] / samples, tally[Correct] / samples,
            metrics?.Loss ?? double.NaN, metrics?.Accuracy ?? double.NaN, seconds, samples / seconds);
    }

    // Where a step's inputs and labels come from: rows of in-memory tensors picked by the step's
    // indices, or the next batch of an image pipeline (which follows the same order by construction).
    private interface IStepInputs
    {
        (Tensor Inputs, Tensor Labels) Take(long step, Tensor index);
    }

    private sealed class TensorSteps(TensorDataset train) : IStepInputs
    {
        public (Tensor Inputs, Tensor Labels) Take(long step, Tensor index) =>
            (train.Inputs.index_select(0, index), train.Labels.index_select(0, index));
    }

    private sealed class PipelineSteps(ImageBatchSource source, EpochContext epoch) : IStepInputs, IDisposable
    {
        private readonly IEnumerator<TrainingBatch> batches = source.Epoch(epoch.Epoch, epoch.FirstStep).GetEnumerator();

        public (Tensor Inputs, Tensor Labels) Take(long step, Tensor index)
        {
            if (!batches.MoveNext()) throw new InvalidOperationException($"the image pipeline ran out of batches at step {step + 1} of epoch {epoch.Epoch}");
            using var batch = batches.Current;
            if (batch.Step != step) throw new InvalidOperationException($"the image pipeline gave step {batch.Step + 1} where step {step + 1} was due");
            // The batch belongs to no scope (it may come from the loader thread): aliases made here
            // belong to the step's scope and keep the storage alive once the batch's handles are gone.
            return (batch.Inputs.alias(), batch.Labels.alias());
        }

        public void Dispose() => batches.Dispose();
    }

    /// <summary>The torch seed of epoch <paramref name="epoch"/> of a run seeded with <paramref name="seed"/>, the base of <see cref="StepSeed"/>.</summary>
    public static long EpochSeed(int seed, int epoch) => seed * 1_000_003L + epoch;

    /// <summary>The torch seed set before step <paramref name="step"/> (0-based) of an epoch: distinct for every step below a million.</summary>
    public static long StepSeed(int seed, int epoch, long step) => unchecked(EpochSeed(seed, epoch) * 1_000_003L + step);

    /// <summary>
    /// Scales the gradients of <paramref name="model"/>'s parameters in place so that their total L2 norm
    /// (all gradients as one vector) is at most <paramref name="maxNorm"/>; returns the norm before clipping.
    /// </summary>
    public static double ClipGradients(nn.Module model, double maxNorm) =>
        nn.utils.clip_grad_norm_(model.parameters(), maxNorm);

    /// <summary>
    /// Cross-entropy against a target distribution (mixup's soft labels), with label smoothing
    /// mixing in the uniform distribution: -sum(t * log_softmax(z)) averaged over the batch.
    /// </summary>
    public static Tensor SoftTargetCrossEntropy(Tensor logits, Tensor targets, double labelSmoothing)
    {
        var smoothed = labelSmoothing > 0 ? targets * (1 - labelSmoothing) + labelSmoothing / targets.shape[1] : targets;
        return -(smoothed * nn.functional.log_softmax(logits, 1)).sum(1).mean();
    }

    /// <summary>
    /// A seed derived from (seed, epoch, salt) that is the same in every process: HashCode.Combine
    /// is randomised per process and would make a run resumed in a new process diverge.
    /// </summary>
    public static int StableSeed(int seed, int epoch, int salt) =>
        unchecked((int)((uint)seed * 2654435761u ^ (uint)epoch * 40503u ^ (uint)salt * 2246822519u));

    /// <summary>A seeded permutation of 0..count-1 for one epoch (Fisher-Yates with System.Random).</summary>
    public static long[] Shuffle(long count, int seed, int epoch)
    {
        var random = new Random(StableSeed(seed, epoch, salt: 0x5eed));
        var order = new long[count];
        for (long i = 0; i < count; i++) order[i] = i;
        for (long i = count - 1; i > 0; i--)
        {
            long j = random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>Sets the rate of every parameter group (the schedule decides it per step).</summary>
    public static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    /// <summary>Builds the optimiser the options name.</summary>
    public static optim.Optimizer CreateOptimizer(nn.Module model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), options.LearningRate, momentum: options.Momentum,
            weight_decay: options.WeightDecay, nesterov: options.Momentum > 0),
        OptimizerKind.AdamW => optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        _ => throw new ArgumentException($"unknown optimizer {options.Optimizer}"),
    };
}
