using System.Diagnostics;
using System.Globalization;
using CompactConv.IO;
using CompactConv.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>The outcome of <see cref="Trainer.Run"/>.</summary>
public sealed record TrainingResult(int EpochsCompleted, IReadOnlyList<EpochRecord> History, double FinalTestAccuracy, int BestEpoch, double BestAccuracy);

/// <summary>
/// Supervised classification training with checkpoint-per-epoch and exact resume. Every random
/// choice (initialisation, shuffling, dropout, stochastic pooling) is seeded per epoch from the run
/// seed, and the learning rate is a pure function of the step, so a run resumed at an epoch
/// boundary continues exactly as an uninterrupted one would.
/// </summary>
public sealed class Trainer
{
    private readonly RunConfig config;
    private readonly string runFolder;
    private readonly ITrainingObserver observer;

    /// <summary>Trains the model that <paramref name="config"/> describes into <paramref name="runFolder"/>.</summary>
    public Trainer(RunConfig config, string runFolder, ITrainingObserver? observer = null)
    {
        config.Training.Validate();
        this.config = config;
        this.runFolder = runFolder;
        this.observer = observer ?? NullTrainingObserver.Instance;
    }

    /// <summary>Builds the model of a config with the seeded initialisation every run of it uses.</summary>
    public static nn.Module<Tensor, Tensor> BuildModel(RunConfig config)
    {
        manual_seed(config.Training.Seed);
        return ModelRegistry.Create(config.Model);
    }

    /// <summary>
    /// Runs (or, with <paramref name="resume"/>, continues) training. Without resume, a folder that
    /// already holds a checkpoint is refused rather than overwritten.
    /// </summary>
    public TrainingResult Run(TensorDataset train, TensorDataset test, bool resume)
    {
        var store = new CheckpointStore(runFolder);
        var configPath = Path.Combine(runFolder, "config.json");
        if (resume && !store.Exists) throw new DataException(store.StatePath, "--resume given but there is no checkpoint to resume from");
        if (!resume && store.Exists) throw new DataException(runFolder, "already holds a checkpoint; pass --resume to continue it or choose another --out");
        if (resume) EnsureSameModel(configPath);
        AtomicFile.WriteText(configPath, config.ToJson());

        var options = config.Training;
        using var model = BuildModel(config);
        using var optimizer = CreateOptimizer(model, options);
        long stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var schedule = new LearningRateSchedule(options, stepsPerEpoch);

        var history = new List<EpochRecord>();
        int firstEpoch = 1, bestEpoch = 0;
        double bestAccuracy = double.NegativeInfinity;
        if (resume)
        {
            var state = store.ReadState();
            store.LoadModel(model, state.ModelFile);
            store.LoadOptimizer(optimizer, state.OptimizerFile);
            history.AddRange(state.History);
            firstEpoch = state.Epoch + 1;
            bestEpoch = state.BestEpoch;
            bestAccuracy = state.BestAccuracy;
        }

        observer.RunStarted(firstEpoch, options.Epochs, stepsPerEpoch);
        for (int epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            var record = RunEpoch(model, optimizer, schedule, train, test, epoch, stepsPerEpoch);
            history.Add(record);
            bool isBest = record.TestAccuracy > bestAccuracy;
            if (isBest)
            {
                bestAccuracy = record.TestAccuracy;
                bestEpoch = epoch;
            }
            var (modelFile, optimizerFile) = CheckpointStore.FileNames(epoch);
            store.Save(model, optimizer, new CheckpointState
            {
                Epoch = epoch,
                ModelFile = modelFile,
                OptimizerFile = optimizerFile,
                BestEpoch = bestEpoch,
                BestAccuracy = bestAccuracy,
                History = history,
            }, isBest);
            WriteLog(history);
            observer.EpochCompleted(record);
        }
        double final = history.Count > 0 ? history[^1].TestAccuracy : double.NaN;
        return new TrainingResult(history.Count, history, final, bestEpoch, bestAccuracy);
    }

    private EpochRecord RunEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LearningRateSchedule schedule,
        TensorDataset train, TensorDataset test, int epoch, long stepsPerEpoch)
    {
        var options = config.Training;
        // Seeding per epoch (not once per run) is what makes resuming at an epoch boundary exact.
        manual_seed(EpochSeed(options.Seed, epoch));
        var order = Shuffle(train.Count, options.Seed, epoch);
        var augmentation = options.Augmentation;
        var augmentRandom = new Random(StableSeed(options.Seed, epoch, salt: 0xa06));
        model.train();
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        long correct = 0;
        double learningRate = 0;
        for (long step = 0; step < stepsPerEpoch; step++)
        {
            using var scope = NewDisposeScope();
            long start = step * options.BatchSize;
            long length = Math.Min(options.BatchSize, train.Count - start);
            var index = tensor(order.AsSpan((int)start, (int)length).ToArray());
            var inputs = train.Inputs.index_select(0, index);
            var labels = train.Labels.index_select(0, index);

            learningRate = schedule.At((epoch - 1) * stepsPerEpoch + step);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;

            optimizer.zero_grad();
            Tensor logits, loss, truth;
            if (augmentation.Any)
            {
                var (augmented, targets) = Augmentation.SpectrogramAugmenter.Apply(inputs, labels, config.ClassNames.Length, augmentation, augmentRandom);
                logits = model.call(augmented);
                loss = SoftTargetCrossEntropy(logits, targets, options.LabelSmoothing);
                truth = targets.argmax(1);
            }
            else
            {
                logits = model.call(inputs);
                loss = nn.functional.cross_entropy(logits, labels, label_smoothing: options.LabelSmoothing);
                truth = labels;
            }
            double lossValue = loss.item<float>();
            if (!double.IsFinite(lossValue))
            {
                throw new TrainingDivergedException(
                    $"loss became {lossValue.ToString(CultureInfo.InvariantCulture)} at epoch {epoch}, step {step + 1}; lower --lr (the last checkpoint is kept)");
            }
            loss.backward();
            optimizer.step();

            lossSum += lossValue * length;
            correct += logits.argmax(1).eq(truth).sum().item<long>();
            observer.StepCompleted(epoch, step + 1, stepsPerEpoch, lossValue);
        }
        clock.Stop();
        var metrics = Evaluator.Evaluate(model, test, config.ClassNames, options.EvalBatchSize, augmentation.CropFrames);
        return new EpochRecord(epoch, learningRate, lossSum / train.Count, (double)correct / train.Count,
            metrics.Loss ?? double.NaN, metrics.Accuracy, clock.Elapsed.TotalSeconds, train.Count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>The torch seed used for epoch <paramref name="epoch"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static long EpochSeed(int seed, int epoch) => seed * 1_000_003L + epoch;

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

    /// <summary>Builds the optimiser the options name.</summary>
    public static optim.Optimizer CreateOptimizer(nn.Module model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), options.LearningRate, momentum: options.Momentum,
            weight_decay: options.WeightDecay, nesterov: options.Momentum > 0),
        OptimizerKind.AdamW => optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        _ => throw new ArgumentException($"unknown optimizer {options.Optimizer}"),
    };

    private void EnsureSameModel(string configPath)
    {
        var saved = RunConfig.Load(configPath);
        var a = saved.Model;
        var b = config.Model;
        if (a.Name != b.Name || a.Conv != b.Conv || a.R != b.R || a.Op != b.Op || a.Grouping != b.Grouping || a.Width != b.Width)
        {
            throw new DataException(configPath, $"--resume with a different model: the run has {a.Name} {a.ConvLabel}, the options ask for {b.Name} {b.ConvLabel}");
        }
    }

    private void WriteLog(IReadOnlyList<EpochRecord> history)
    {
        var path = Path.Combine(runFolder, "log.csv");
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(history);
        });
    }
}
