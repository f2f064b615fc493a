namespace CompactConv.Training;

/// <summary>
/// An observer made of lambdas, for callers who want one or two notifications without writing a class:
/// <c>Observer = new TrainingCallbacks { Epoch = r => Console.WriteLine(r.ValidationAccuracy) }</c>.
/// Callbacks left null are not called.
/// </summary>
public sealed class TrainingCallbacks : ITrainingObserver
{
    /// <summary>Before the first epoch that will run: (first epoch, epochs, steps per epoch).</summary>
    public Action<int, int, long>? Started { get; init; }

    /// <summary>After each optimisation step: (epoch, step in epoch, steps per epoch, loss).</summary>
    public Action<int, long, long, double>? Step { get; init; }

    /// <summary>After each epoch of classification training has been evaluated (and checkpointed, with a run folder).</summary>
    public Action<EpochRecord>? Epoch { get; init; }

    /// <summary>After each epoch of event detection training.</summary>
    public Action<EventEpochRecord>? EventEpoch { get; init; }

    /// <summary>A line worth showing before the first epoch (what a resume changed).</summary>
    public Action<string>? Noted { get; init; }

    /// <inheritdoc />
    public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) => Started?.Invoke(firstEpoch, epochs, stepsPerEpoch);

    /// <inheritdoc />
    public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss) => Step?.Invoke(epoch, stepInEpoch, stepsPerEpoch, loss);

    /// <inheritdoc />
    public void EpochCompleted(EpochRecord record) => Epoch?.Invoke(record);

    /// <inheritdoc />
    public void EventEpochCompleted(EventEpochRecord record) => EventEpoch?.Invoke(record);

    /// <inheritdoc />
    public void Note(string line) => Noted?.Invoke(line);
}
