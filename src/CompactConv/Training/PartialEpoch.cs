namespace CompactConv.Training;

/// <summary>
/// An epoch that the time budget stopped part-way, as state.json records it: the step to continue
/// from and what the steps so far added up to, so the resumed epoch reports the same figures as an
/// uninterrupted one.
/// </summary>
public sealed record PartialEpoch
{
    /// <summary>The unfinished epoch (1-based).</summary>
    public int Epoch { get; init; }

    /// <summary>Steps of it already taken, i.e. the 0-based step to continue from.</summary>
    public long Step { get; init; }

    /// <summary>Training seconds spent on it so far.</summary>
    public double Seconds { get; init; }

    /// <summary>The trainer's running sums over the steps taken (loss times samples, correct predictions, ...).</summary>
    public double[] Tally { get; init; } = [];
}

/// <summary>
/// Where a run that <see cref="TrainingOptions.MaxMinutes"/> stopped will continue: at
/// <see cref="Step"/> (0-based) of <see cref="Epoch"/>; step 0 means the stop fell between epochs.
/// </summary>
public sealed record BudgetStop(int Epoch, long Step, long StepsPerEpoch)
{
    /// <summary>One line for the console, e.g. "time budget spent: stopped in epoch 3 after step 120 of 391".</summary>
    public string Describe() => Step == 0
        ? $"time budget spent: stopped after epoch {Epoch - 1}"
        : $"time budget spent: stopped in epoch {Epoch} after step {Step} of {StepsPerEpoch}";
}
