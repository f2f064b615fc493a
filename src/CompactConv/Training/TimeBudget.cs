namespace CompactConv.Training;

/// <summary>
/// The <see cref="TrainingOptions.MaxMinutes"/> budget of one invocation, read from an injectable
/// clock so tests can run out of time without waiting. Without a budget it never runs out.
/// </summary>
internal sealed class TimeBudget
{
    private readonly TimeProvider clock;
    private readonly long start;
    private readonly TimeSpan? limit;

    /// <summary>Starts the budget now on <paramref name="clock"/>.</summary>
    public TimeBudget(double? maxMinutes, TimeProvider clock)
    {
        this.clock = clock;
        start = clock.GetTimestamp();
        limit = maxMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
    }

    /// <summary>The clock the budget and the epoch timings read.</summary>
    public TimeProvider Clock => clock;

    /// <summary>True once the budget is spent.</summary>
    public bool Exhausted => limit is { } l && clock.GetElapsedTime(start) >= l;
}
