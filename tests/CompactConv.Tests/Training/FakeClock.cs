using CompactConv.Training;

namespace CompactConv.Tests.Training;

/// <summary>A clock that moves only when told: one tick is one TimeSpan tick.</summary>
public sealed class FakeClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ticks;

    public void Advance(TimeSpan by) => ticks += by.Ticks;
}

/// <summary>Moves a fake clock forward by a fixed time after every training step: a run whose steps take exactly that long.</summary>
public sealed class TickPerStep(FakeClock clock, TimeSpan perStep) : ITrainingObserver
{
    public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) { }

    public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss) => clock.Advance(perStep);

    public void EpochCompleted(EpochRecord record) { }
}
