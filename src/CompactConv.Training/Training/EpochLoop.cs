using CompactConv.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// The epoch loop every trainer shares: run folder checks and config.json, the seeded model and its
/// optimiser, resuming from the last checkpoint (mid-epoch ones included), then per epoch the
/// trainer's step loop, the best-epoch choice, the checkpoint, log.csv and the observer; and the
/// stop check (time budget or stop request), which ends the loop at a step boundary with a checkpoint
/// to resume from.
/// </summary>
internal static class EpochLoop
{
    /// <summary>What a finished, already complete or stopped run reports.</summary>
    public sealed record Outcome<TRecord>(List<TRecord> History, int BestEpoch, double Best, TrainingStop? Stop);

    /// <summary>
    /// Runs the epochs of <paramref name="config"/> not yet in <paramref name="runFolder"/>. An epoch is
    /// the best so far when it is the first, when its <paramref name="figure"/> beats the best one, or
    /// always with <paramref name="latestIsBest"/>. <paramref name="runEpoch"/> returns null when a stop
    /// ended it (<see cref="EpochContext.StopsBefore"/>: <paramref name="stopToken"/> requested, or the
    /// time budget spent); its <paramref name="tallySize"/> running sums are then saved with the checkpoint.
    /// </summary>
    public static Outcome<TRecord> Run<TRecord, TState>(RunConfig config, string runFolder, bool resume, long samples,
        ITrainingObserver observer, Func<EpochContext, TRecord?> runEpoch, int tallySize, Func<TRecord, double> figure,
        bool latestIsBest, Action<TRecord> completed, TimeProvider? clock, StopToken? stopToken)
        where TRecord : class
        where TState : TrainingState<TRecord>, new()
    {
        var stop = new StopCheck(config.Training.MaxMinutes, clock ?? TimeProvider.System, stopToken);
        var (store, resumeCheck) = RunFolder.Open(config, runFolder, resume);
        var options = config.Training;
        // Saved weights load into the model on the CPU, before it moves to the compute device and the
        // optimiser is made: loading into a CUDA model replaces its parameter tensors, and the
        // optimiser's state is keyed by the tensors it was made with.
        using var model = Trainer.BuildModel(config);
        var saved = resume ? store.ReadState<TState>() : null;
        if (saved is not null) store.LoadModel(model, saved.ModelFile);
        ComputeDevice.Place(model);
        using var optimizer = Trainer.CreateOptimizer(model, options);
        long stepsPerEpoch = (samples + options.BatchSize - 1) / options.BatchSize;
        var schedule = new LearningRateSchedule(options, stepsPerEpoch);

        var history = new List<TRecord>();
        int firstEpoch = 1, bestEpoch = 0;
        double best = double.NaN;
        PartialEpoch? partial = null;
        if (saved is { } resumed)
        {
            store.LoadOptimizer(optimizer, resumed.OptimizerFile);
            history.AddRange(resumed.History);
            firstEpoch = resumed.Epoch + 1;
            bestEpoch = resumed.BestEpoch;
            best = resumed.Best;
            partial = CheckPartial(store, resumed, tallySize, stepsPerEpoch);
        }
        long firstStep = partial?.Step ?? 0;
        // A resumed run asked to stop before its first step (while its data loaded) ends here, at its
        // checkpoint, before config.json records changes that never took effect. A new run takes one step
        // first, so that every stop leaves a checkpoint; so does the time budget, so that a budget too
        // small for any step still makes progress.
        if (saved is not null && firstEpoch <= options.Epochs && stop.Requested is { } requestedBy)
        {
            return new Outcome<TRecord>(history, bestEpoch, best, new TrainingStop(firstEpoch, firstStep, stepsPerEpoch, requestedBy));
        }
        if (resumeCheck is not null)
        {
            foreach (var line in resumeCheck.Describe(firstEpoch, firstStep, options)) observer.Note(line);
        }
        RunFolder.WriteConfig(resumeCheck?.Record(config, firstEpoch, firstStep) ?? config, runFolder);

        observer.RunStarted(firstEpoch, options.Epochs, stepsPerEpoch);
        for (int epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            if (epoch > firstEpoch && stop.Due(out var by))
            {
                return new Outcome<TRecord>(history, bestEpoch, best, new TrainingStop(epoch, 0, stepsPerEpoch, by));
            }
            var context = new EpochContext(config, model, optimizer, schedule, epoch, samples, stepsPerEpoch, stop, tallySize,
                epoch == firstEpoch ? partial : null);
            var record = runEpoch(context);
            if (record is null)
            {
                var stopped = context.ToPartial();
                var (partialModel, partialOptimizer) = CheckpointStore.FileNames(epoch, stopped.Step);
                store.Save(model, optimizer, new TState
                {
                    Epoch = epoch - 1, ModelFile = partialModel, OptimizerFile = partialOptimizer, BestEpoch = bestEpoch, Best = best,
                    History = history, Partial = stopped,
                }, isBest: false);
                RunFolder.WriteLog(runFolder, history, config.Task);
                return new Outcome<TRecord>(history, bestEpoch, best, new TrainingStop(epoch, stopped.Step, stepsPerEpoch, context.StoppedBy));
            }
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
            RunFolder.WriteLog(runFolder, history, config.Task);
            completed(record);
        }
        return new Outcome<TRecord>(history, bestEpoch, best, null);
    }

    private static PartialEpoch? CheckPartial<TRecord>(CheckpointStore store, TrainingState<TRecord> state, int tallySize, long stepsPerEpoch)
    {
        var partial = state.Partial;
        if (partial is null) return null;
        if (partial.Epoch != state.Epoch + 1 || partial.Step < 1 || partial.Step >= stepsPerEpoch)
        {
            throw new DataException(store.StatePath,
                $"the unfinished epoch {partial.Epoch} at step {partial.Step} does not follow epoch {state.Epoch} with {stepsPerEpoch} steps an epoch (another --batch or data?)");
        }
        if (partial.Tally.Length != tallySize)
        {
            throw new DataException(store.StatePath, $"the unfinished epoch has {partial.Tally.Length} running sums where this trainer keeps {tallySize}");
        }
        return partial;
    }
}
