namespace CompactConv.Training;

/// <summary>
/// Where a run stopped before its last epoch will continue: at <see cref="Step"/> (0-based) of
/// <see cref="Epoch"/>; step 0 means the stop fell between epochs. <see cref="RequestedBy"/> names what asked for the stop through a <see cref="StopToken"/>
/// (e.g. <c>SIGTERM</c>); null when the <see cref="TrainingOptions.MaxMinutes"/> budget ran out.
/// </summary>
public sealed record TrainingStop(int Epoch, long Step, long StepsPerEpoch, string? RequestedBy = null)
{
    /// <summary>
    /// One line for the console, e.g. "time budget spent: stopped in epoch 3 after step 120 of 391" or
    /// "stopped by SIGTERM at epoch 3 step 120".
    /// </summary>
    public string Describe() => RequestedBy is { } by
        ? $"stopped by {by} {Where()}"
        : Step == 0
            ? $"time budget spent: stopped after epoch {Epoch - 1}"
            : $"time budget spent: stopped in epoch {Epoch} after step {Step} of {StepsPerEpoch}";

    private string Where() => Step == 0 ? $"after epoch {Epoch - 1}" : $"at epoch {Epoch} step {Step}";
}
