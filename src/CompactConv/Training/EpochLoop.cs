using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// The epoch loop every trainer shares: run folder checks and config.json, the seeded model and its
/// optimiser, resuming from the last checkpoint, then per epoch the trainer's step loop, the best-epoch
/// choice, the checkpoint, log.csv and the observer.
/// </summary>
internal static class EpochLoop
{
    /// <summary>What a finished (or already complete) run reports.</summary>
    public sealed record Outcome<TRecord>(List<TRecord> History, int BestEpoch, double Best);

    /// <summary>
    /// Runs the epochs of <paramref name="config"/> not yet in <paramref name="runFolder"/>. An epoch is
    /// the best so far when it is the first, when its <paramref name="figure"/> beats the best one, or
    /// always with <paramref name="latestIsBest"/>.
    /// </summary>
    public static Outcome<TRecord> Run<TRecord, TState>(RunConfig config, string runFolder, bool resume, long samples,
        ITrainingObserver observer, Func<EpochContext, TRecord> runEpoch, Func<TRecord, double> figure, bool latestIsBest,
        Action<TRecord> completed)
        where TState : TrainingState<TRecord>, new()
    {
        var store = RunFolder.Open(config, runFolder, resume);
        var options = config.Training;
        using var model = Trainer.BuildModel(config);
        using var optimizer = Trainer.CreateOptimizer(model, options);
        long stepsPerEpoch = (samples + options.BatchSize - 1) / options.BatchSize;
        var schedule = new LearningRateSchedule(options, stepsPerEpoch);

        var history = new List<TRecord>();
        int firstEpoch = 1, bestEpoch = 0;
        double best = double.NaN;
        if (resume)
        {
            var state = store.ReadState<TState>();
            store.LoadModel(model, state.ModelFile);
            store.LoadOptimizer(optimizer, state.OptimizerFile);
            history.AddRange(state.History);
            firstEpoch = state.Epoch + 1;
            bestEpoch = state.BestEpoch;
            best = state.Best;
        }

        observer.RunStarted(firstEpoch, options.Epochs, stepsPerEpoch);
        for (int epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            var record = runEpoch(new EpochContext(config, model, optimizer, schedule, epoch, samples, stepsPerEpoch));
            history.Add(record);
            double value = figure(record);
            bool isBest = latestIsBest || bestEpoch == 0 || value > best;
            if (isBest)
            {
                best = value;
                bestEpoch = epoch;
            }
            var (modelFile, optimizerFile) = CheckpointStore.FileNames(epoch);
            var state = new TState { Epoch = epoch, ModelFile = modelFile, OptimizerFile = optimizerFile, BestEpoch = bestEpoch, Best = best, History = history };
            store.Save(model, optimizer, state, isBest);
            RunFolder.WriteLog(runFolder, history);
            completed(record);
        }
        return new Outcome<TRecord>(history, bestEpoch, best);
    }
}
