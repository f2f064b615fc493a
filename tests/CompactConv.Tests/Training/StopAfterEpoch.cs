using CompactConv.Training;

namespace CompactConv.Tests.Training;

/// <summary>Simulates an interruption: throws once epoch <paramref name="epoch"/> has been checkpointed, for either trainer.</summary>
public sealed class StopAfterEpoch(int epoch) : ITrainingObserver
{
    public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) { }

    public void StepCompleted(int e, long stepInEpoch, long stepsPerEpoch, double loss) { }

    public void EpochCompleted(EpochRecord record) => Stop(record.Epoch);

    public void EventEpochCompleted(EventEpochRecord record) => Stop(record.Epoch);

    private void Stop(int completed)
    {
        if (completed == epoch) throw new OperationCanceledException("simulated interruption");
    }
}
