using CompactConv.Training;

namespace CompactConv.Tests.Training;

/// <summary>
/// Requests a stop through <paramref name="token"/>, as the command line's SIGTERM handler would, once
/// <paramref name="steps"/> steps of this invocation have completed.
/// </summary>
public sealed class RequestStopAfterStep(StopToken token, int steps, string by = "SIGTERM") : ITrainingObserver
{
    private int taken;

    public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) { }

    public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss)
    {
        if (++taken == steps) token.Request(by);
    }

    public void EpochCompleted(EpochRecord record) { }
}
