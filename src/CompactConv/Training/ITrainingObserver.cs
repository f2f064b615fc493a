namespace CompactConv.Training;

/// <summary>One epoch's figures, as written to log.csv.</summary>
public sealed record EpochRecord(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy,
    double Seconds, double ImagesPerSecond);

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
