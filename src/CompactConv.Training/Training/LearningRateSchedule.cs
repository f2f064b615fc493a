namespace CompactConv.Training;

/// <summary>
/// The learning rate as a pure function of the optimisation step, so that a resumed run sets
/// exactly the rates an uninterrupted one would (no scheduler state to save).
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly TrainingOptions options;
    private readonly long stepsPerEpoch;

    /// <summary>Creates the schedule for a run of <paramref name="stepsPerEpoch"/> steps per epoch.</summary>
    public LearningRateSchedule(TrainingOptions options, long stepsPerEpoch)
    {
        if (stepsPerEpoch < 1) throw new ArgumentException($"steps per epoch must be positive, got {stepsPerEpoch}");
        this.options = options;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /// <summary>Total optimisation steps of the run.</summary>
    public long TotalSteps => stepsPerEpoch * options.Epochs;

    /// <summary>The rate for global step <paramref name="step"/> (0-based).</summary>
    public double At(long step)
    {
        double baseRate = options.LearningRate;
        long warmupSteps = (long)Math.Round(options.WarmupEpochs * stepsPerEpoch);
        if (step < warmupSteps) return baseRate * (step + 1) / warmupSteps;
        return options.Schedule switch
        {
            ScheduleKind.Constant => baseRate,
            ScheduleKind.Cosine => Cosine(baseRate, step - warmupSteps, Math.Max(1, TotalSteps - warmupSteps)),
            ScheduleKind.Step => baseRate * Math.Pow(options.Gamma, step / stepsPerEpoch / options.StepEpochs),
            _ => throw new ArgumentException($"unknown schedule {options.Schedule}"),
        };
    }

    private static double Cosine(double baseRate, long step, long steps) =>
        baseRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(step, steps) / steps));
}
