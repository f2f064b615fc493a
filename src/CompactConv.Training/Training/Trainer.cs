using CompactConv.Data;
using CompactConv.Metrics;
using CompactConv.Models;
using CompactConv.Runtime;
using CompactConv.Training.Batches;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>The outcome of <c>Trainer.Fit</c> or <c>Trainer.Run</c>: the history of the training.</summary>
/// <param name="EpochsCompleted">Epochs in <paramref name="History"/>.</param>
/// <param name="History">Every completed epoch's figures.</param>
/// <param name="FinalValidationAccuracy">Validation accuracy after the last completed epoch (NaN without validation data or epochs).</param>
/// <param name="BestEpoch">The epoch best.model (or, without a run folder, the trained module) holds: the best validation accuracy, or the latest epoch without validation data.</param>
/// <param name="BestValidationAccuracy">Validation accuracy of <paramref name="BestEpoch"/>.</param>
/// <param name="Stop">Where a run stopped by its time budget or a stop request continues; null when it ran to the end.</param>
public sealed record TrainingResult(int EpochsCompleted, IReadOnlyList<EpochRecord> History, double FinalValidationAccuracy, int BestEpoch,
    double BestValidationAccuracy, TrainingStop? Stop = null);

/// <summary>
/// Supervised classification training of any module that maps a batch to class logits, with exact
/// resume. Every random choice is seeded from <see cref="TrainingOptions.Seed"/>: shuffling per epoch,
/// dropout, stochastic pooling and augmentation per step; the learning rate is a pure function of the
/// step. The best epoch is chosen on validation data; the trainer never sees a test split.
/// </summary>
/// <remarks>
/// <para>Two forms share one epoch loop. <c>new Trainer(model, options).Fit(train, validation)</c> trains a
/// module of the caller's own, writes nothing, and leaves the module holding the weights of the best
/// epoch (the last one without validation data), on <see cref="Device"/>. <c>new Trainer(config, runFolder)</c>
/// builds the registry model a <see cref="RunConfig"/> describes and trains it into a run folder
/// (config.json, a checkpoint per epoch, best.model, log.csv), which <see cref="Run(TensorDataset, TensorDataset, bool)"/>
/// with resume continues exactly, after an epoch or inside one after a <see cref="TrainingOptions.MaxMinutes"/>
/// or <see cref="StopToken"/> stop.</para>
/// <para>The trainer does not lock a run folder: callers that may race another writer hold <see cref="RunFolder.Lock"/>.</para>
/// </remarks>
public sealed class Trainer
{
    private readonly nn.Module<Tensor, Tensor>? model;
    private readonly RunConfig? config;
    private readonly string? runFolder;
    private readonly TrainingOptions options;

    /// <summary>Trains <paramref name="model"/>, a module of the caller's (it stays theirs to dispose), with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOptionException">An option is impossible; it names the property.</exception>
    public Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.model = model;
        this.options = options;
    }

    /// <summary>
    /// Trains the model that <paramref name="config"/> describes into <paramref name="runFolder"/>;
    /// <paramref name="clock"/> (the system clock by default) times the epochs and the time budget, and
    /// <paramref name="stop"/>, once requested, stops training at the next step boundary with a checkpoint.
    /// </summary>
    public Trainer(RunConfig config, string runFolder, ITrainingObserver? observer = null, TimeProvider? clock = null, StopToken? stop = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runFolder);
        config.Training.Validate();
        this.config = config;
        this.runFolder = runFolder;
        options = config.Training;
        Observer = observer ?? NullTrainingObserver.Instance;
        Clock = clock ?? TimeProvider.System;
        Stop = stop;
    }

    /// <summary>The device the model trains on (the CPU by default); data moves there batch by batch.</summary>
    public Device Device { get; init; } = CPU;

    /// <summary>Receives progress: each step's loss and each epoch's figures (<see cref="TrainingCallbacks"/> takes lambdas).</summary>
    public ITrainingObserver Observer { get; init; } = NullTrainingObserver.Instance;

    /// <summary>Times the epochs and the <see cref="TrainingOptions.MaxMinutes"/> budget (tests pass a fake one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Once requested, ends training at the next step boundary (with a checkpoint when there is a run folder).</summary>
    public StopToken? Stop { get; init; }

    /// <summary>The options in use.</summary>
    public TrainingOptions Options => options;

    /// <summary>
    /// Builds the model of a config on the CPU with the seeded initialisation every run of it uses
    /// (the same weights whatever the device it then moves to).
    /// </summary>
    public static nn.Module<Tensor, Tensor> BuildModel(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        manual_seed(config.Training.Seed);
        return ModelRegistry.Create(config.Model);
    }

    /// <summary>
    /// Trains on the in-memory tensors of <paramref name="train"/> (images, audio features: inputs [N, ...],
    /// labels [N]), scoring every epoch on <paramref name="validation"/>, whose best accuracy picks the
    /// weights the module ends with (without validation data, the last epoch's). With a run folder this is
    /// a new run: a folder that already holds a checkpoint is refused.
    /// </summary>
    public TrainingResult Fit(TensorDataset train, TensorDataset? validation = null) => Run(train, validation, resume: false);

    /// <summary>
    /// Trains on the batches of the image input pipeline for <paramref name="train"/>'s bytes, normalised with
    /// <paramref name="normalization"/> and augmented as <see cref="TrainingOptions.ImageAugmentation"/> says, prepared on a
    /// loader thread (<see cref="TrainingOptions.Prefetch"/>) while the model trains; otherwise as
    /// <see cref="Fit(TensorDataset, TensorDataset)"/>, whose order the batches follow.
    /// </summary>
    public TrainingResult Fit(ImageDataset train, Normalization normalization, TensorDataset? validation = null) =>
        Run(train, normalization, validation, resume: false);

    /// <summary>
    /// <see cref="Fit(TensorDataset, TensorDataset)"/> into the run folder, or, with <paramref name="resume"/>, continuing it
    /// from its last checkpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="resume"/> without a run folder.</exception>
    public TrainingResult Run(TensorDataset train, TensorDataset? validation, bool resume)
    {
        ArgumentNullException.ThrowIfNull(train);
        int classes = CountClasses(train);
        return Run(train.Count, epoch => RunEpoch(epoch, new TensorSteps(train), train.Count, classes, validation), validation is null, resume);
    }

    /// <summary>
    /// <see cref="Fit(ImageDataset, Normalization, TensorDataset)"/> into the run folder with the config's normalisation,
    /// or, with <paramref name="resume"/>, continuing it: the batches follow the same order as those of
    /// <see cref="Run(TensorDataset, TensorDataset, bool)"/>, so a resumed run continues exactly.
    /// </summary>
    public TrainingResult Run(ImageDataset train, TensorDataset? validation, bool resume) =>
        Run(train, (config ?? throw new InvalidOperationException("a trainer without a run config has no normalisation: call Fit(train, normalization, validation)")).Normalization,
            validation, resume);

    private TrainingResult Run(ImageDataset train, Normalization normalization, TensorDataset? validation, bool resume)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(normalization);
        using var batches = new ImageBatchSource(train, normalization, options);
        int classes = config?.ClassNames.Length ?? train.ClassNames.Count;
        return Run(batches.Count, epoch =>
        {
            using var steps = new PipelineSteps(batches, epoch);
            return RunEpoch(epoch, steps, batches.Count, classes, validation);
        }, validation is null, resume);
    }

    private TrainingResult Run(long samples, Func<EpochContext, EpochRecord?> runEpoch, bool latestIsBest, bool resume)
    {
        if (resume && runFolder is null) throw new InvalidOperationException("resume needs a run folder: construct the trainer from a RunConfig and a folder");
        var setup = new TrainingSetup(options, Device, Observer, Clock, Stop);
        var folder = config is null ? null : new RunFolderTarget(config, runFolder!, resume);
        // A config's model is the trainer's own: built seeded here and disposed after; a caller's module stays theirs.
        using var owned = model is null ? BuildModel(config!) : null;
        var outcome = EpochLoop.Run<EpochRecord, CheckpointState>(model ?? owned!, setup, folder, samples,
            runEpoch, record => record.ValidationAccuracy, latestIsBest, Observer.EpochCompleted);
        var history = outcome.History;
        double final = history.Count > 0 ? history[^1].ValidationAccuracy : double.NaN;
        return new TrainingResult(history.Count, history, final, outcome.BestEpoch, outcome.Best, outcome.Stop);
    }

    // Mixup's soft targets need the class count before the first forward pass: the config's names, or
    // one more than the largest training label for a caller's module.
    private int CountClasses(TensorDataset train) =>
        config?.ClassNames.Length ?? (train.Count == 0 ? 0 : (int)train.Labels.max().item<long>() + 1);

    private EpochRecord? RunEpoch(EpochContext epoch, IStepInputs steps, long samples, int classes, TensorDataset? validation)
    {
        var augmentation = options.Augmentation;
        var module = epoch.Model;
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
                var (augmented, targets) = Augmentation.SpectrogramAugmenter.Apply(inputs, labels, classes, augmentation, epoch.AugmentRandom);
                targets = ComputeDevice.OnDevice(targets, epoch.Device);
                logits = module.call(ComputeDevice.OnDevice(augmented, epoch.Device));
                loss = Losses.SoftTargetCrossEntropy(logits, targets, options.LabelSmoothing);
                truth = targets.argmax(1);
            }
            else
            {
                truth = ComputeDevice.OnDevice(labels, epoch.Device);
                logits = module.call(ComputeDevice.OnDevice(inputs, epoch.Device));
                loss = nn.functional.cross_entropy(logits, truth, label_smoothing: options.LabelSmoothing);
            }
            double lossValue = TrainingDivergedException.CheckFinite(loss.item<float>(), epoch.Epoch, step + 1);
            epoch.BackwardAndStep(loss);

            long correct = logits.argmax(1).eq(truth).sum().item<long>();
            epoch.Tally = epoch.Tally with { LossSum = epoch.Tally.LossSum + lossValue * length, Correct = epoch.Tally.Correct + correct };
            Observer.StepCompleted(epoch.Epoch, step + 1, epoch.StepsPerEpoch, lossValue);
        }
        double seconds = epoch.TrainingSeconds();
        var metrics = validation is null ? null : Validate(module, validation);
        return new EpochRecord(epoch.Epoch, learningRate, epoch.Tally.LossSum / samples, (double)epoch.Tally.Correct / samples,
            metrics?.Loss ?? double.NaN, metrics?.Accuracy ?? double.NaN, seconds, samples / seconds);
    }

    private ClassificationMetrics Validate(nn.Module<Tensor, Tensor> module, TensorDataset validation)
    {
        var probabilities = Evaluator.PredictProbabilities(module, validation.Inputs, options.EvalBatchSize, options.Augmentation.CropFrames);
        // A caller's module has no class names: its classes are named by index.
        IReadOnlyList<string> names = config?.ClassNames
            ?? Enumerable.Range(0, probabilities.GetLength(1)).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return ClassificationMetrics.FromProbabilities(validation.Labels.data<long>().ToArray(), probabilities, names);
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
}
