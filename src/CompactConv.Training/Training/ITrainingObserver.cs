namespace CompactConv.Training;

/// <summary>One epoch's figures, as written to log.csv (snake_case columns).</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="LearningRate">Rate of the epoch's last step.</param>
/// <param name="TrainLoss">Mean training loss per example, as trained (dropout, augmentation).</param>
/// <param name="TrainAccuracy">Share of training examples classified right while training.</param>
/// <param name="ValidationLoss">Mean log-loss on the validation split after the epoch; NaN without validation data.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation split after the epoch, the figure that picks the best epoch; NaN without validation data.</param>
/// <param name="Seconds">Time of the training steps (evaluation excluded).</param>
/// <param name="ExamplesPerSecond">Training examples per second: images for image runs, clips for audio runs (the log.csv column says which).</param>
public sealed record EpochRecord(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy,
    double Seconds, double ExamplesPerSecond);

/// <summary>Receives training progress; the CLI renders it as a bar or as plain lines.</summary>
public interface ITrainingObserver
{
    /// <summary>Called once before the first epoch that will run (1-based <paramref name="firstEpoch"/>).</summary>
    void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch);

    /// <summary>Called after each optimisation step with its loss.</summary>
    void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss);

    /// <summary>Called after each epoch has been evaluated and checkpointed.</summary>
    void EpochCompleted(EpochRecord record);

    /// <summary>Called instead of <see cref="EpochCompleted"/> by <see cref="EventTrainer"/>, whose epochs have other figures; ignored unless overridden.</summary>
    void EventEpochCompleted(EventEpochRecord record) { }

    /// <summary>
    /// A line worth showing before the first epoch, e.g. what a resume changed ("TrainingOptions.Epochs 20 (was 10) from
    /// epoch 6: ..."); ignored unless overridden.
    /// </summary>
    void Note(string line) { }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullTrainingObserver : ITrainingObserver
{
    /// <summary>The shared instance.</summary>
    public static NullTrainingObserver Instance { get; } = new();

    /// <inheritdoc />
    public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) { }

    /// <inheritdoc />
    public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss) { }

    /// <inheritdoc />
    public void EpochCompleted(EpochRecord record) { }
}
