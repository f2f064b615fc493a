using CompactConv.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// The epoch loop every trainer shares: the model on its device and its optimiser; with a run folder,
/// the folder checks and config.json, resuming from the last checkpoint (mid-epoch ones included), and
/// per epoch the checkpoint and log.csv; without one, the best epoch's weights kept in memory and put
/// back into the model at the end. Per epoch, the trainer's step loop, the best-epoch choice and the
/// observer; and the stop check (time budget or stop request), which ends the loop at a step boundary
/// (with a checkpoint to resume from when there is a run folder).
/// </summary>
internal static class EpochLoop
{
    /// <summary>What a finished, already complete or stopped run reports.</summary>
    public sealed record Outcome<TRecord>(List<TRecord> History, int BestEpoch, double Best, TrainingStop? Stop);

    /// <summary>
    /// Trains <paramref name="model"/> (on the CPU or already on <see cref="TrainingSetup.Device"/>) for the
    /// epochs not yet done. An epoch is the best so far when it is the first, when its <paramref name="figure"/>
    /// beats the best one, or always with <paramref name="latestIsBest"/>. <paramref name="runEpoch"/> returns
    /// null when a stop ended it (<see cref="EpochContext.StopsBefore"/>: the stop token requested, or the
    /// time budget spent); its running sums are then saved with the checkpoint.
    /// </summary>
    public static Outcome<TRecord> Run<TRecord, TState>(nn.Module<Tensor, Tensor> model, TrainingSetup setup, RunFolderTarget? folder,
        long samples, Func<EpochContext, TRecord?> runEpoch, Func<TRecord, double> figure, bool latestIsBest, Action<TRecord> completed)
        where TRecord : class
        where TState : TrainingState<TRecord>, new()
    {
        var options = setup.Options;
        var observer = setup.Observer;
        var stop = new StopCheck(options.MaxMinutes, setup.Clock, setup.Stop);
        var (store, resumeCheck) = folder is null ? (null, null) : RunFolder.Open(folder.Config, folder.Folder, folder.Resume);
        // Saved weights load into the model on the CPU, before it moves to the compute device and the
        // optimiser is made: loading into a CUDA model replaces its parameter tensors, and the
        // optimiser's state is keyed by the tensors it was made with.
        var saved = store is not null && folder!.Resume ? store.ReadState<TState>() : null;
        if (saved is not null) store!.LoadModel(model, saved.ModelFile);
        if (!ComputeDevice.Same(ComputeDevice.Of(model), setup.Device)) model.to(setup.Device);
        using var optimizer = Optimizers.Create(model, options);
        long stepsPerEpoch = (samples + options.BatchSize - 1) / options.BatchSize;
        var schedule = new LearningRateSchedule(options, stepsPerEpoch);
        using var bestWeights = new BestWeights();

        var history = new List<TRecord>();
        int firstEpoch = 1, bestEpoch = 0;
        double best = double.NaN;
        PartialEpoch? partial = null;
        if (saved is { } resumed)
        {
            store!.LoadOptimizer(optimizer, resumed.OptimizerFile);
            history.AddRange(resumed.History);
            firstEpoch = resumed.Epoch + 1;
            bestEpoch = resumed.BestEpoch;
            best = resumed.Best;
            partial = CheckPartial(store, resumed, stepsPerEpoch);
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
        if (folder is not null) RunFolder.WriteConfig(resumeCheck?.Record(folder.Config, firstEpoch, firstStep) ?? folder.Config, folder.Folder);

        Outcome<TRecord> Finish(TrainingStop? stopped)
        {
            // Without a run folder the caller's module is the only result: it ends holding the best epoch.
            if (folder is null && bestWeights.Any) bestWeights.RestoreInto(model);
            return new Outcome<TRecord>(history, bestEpoch, best, stopped);
        }

        observer.RunStarted(firstEpoch, options.Epochs, stepsPerEpoch);
        for (int epoch = firstEpoch; epoch <= options.Epochs; epoch++)
        {
            if (epoch > firstEpoch && stop.Due(out var by))
            {
                return Finish(new TrainingStop(epoch, 0, stepsPerEpoch, by));
            }
            var context = new EpochContext(options, setup.Device, model, optimizer, schedule, epoch, samples, stepsPerEpoch, stop,
                epoch == firstEpoch ? partial : null);
            var record = runEpoch(context);
            if (record is null)
            {
                var stopped = context.ToPartial();
                if (store is not null)
                {
                    var (partialModel, partialOptimizer) = CheckpointStore.FileNames(epoch, stopped.Step);
                    store.Save(model, optimizer, new TState
                    {
                        Epoch = epoch - 1, ModelFile = partialModel, OptimizerFile = partialOptimizer, BestEpoch = bestEpoch, Best = best,
                        History = history, Partial = stopped,
                    }, isBest: false);
                    RunFolder.WriteLog(folder!.Folder, history, folder.Config.Task);
                }
                return Finish(new TrainingStop(epoch, stopped.Step, stepsPerEpoch, context.StoppedBy));
            }
            history.Add(record);
            double value = figure(record);
            bool isBest = latestIsBest || bestEpoch == 0 || value > best;
            if (isBest)
            {
                best = value;
                bestEpoch = epoch;
            }
            if (store is not null)
            {
                var (modelFile, optimizerFile) = CheckpointStore.FileNames(epoch);
                var state = new TState { Epoch = epoch, ModelFile = modelFile, OptimizerFile = optimizerFile, BestEpoch = bestEpoch, Best = best, History = history };
                store.Save(model, optimizer, state, isBest);
                RunFolder.WriteLog(folder!.Folder, history, folder.Config.Task);
            }
            else if (isBest)
            {
                bestWeights.Capture(model);
            }
            completed(record);
        }
        return Finish(null);
    }

    private static PartialEpoch? CheckPartial<TRecord>(CheckpointStore store, TrainingState<TRecord> state, long stepsPerEpoch)
    {
        var partial = state.Partial;
        if (partial is null) return null;
        if (partial.Epoch != state.Epoch + 1 || partial.Step < 1 || partial.Step >= stepsPerEpoch)
        {
            throw new DataException(store.StatePath,
                $"the unfinished epoch {partial.Epoch} at step {partial.Step} does not follow epoch {state.Epoch} with {stepsPerEpoch} steps an epoch (another {nameof(TrainingOptions)}.{nameof(TrainingOptions.BatchSize)} or data?)");
        }
        return partial;
    }
}
