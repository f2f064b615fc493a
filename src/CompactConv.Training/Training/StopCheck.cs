namespace CompactConv.Training;

/// <summary>
/// What the trainers ask at step boundaries: whether to stop now, because a <see cref="StopToken"/> was
/// requested or because this invocation's <see cref="TrainingOptions.MaxMinutes"/> budget is spent. The
/// budget is read from an injectable clock, so tests run out of time without waiting; without a budget
/// or a token it never says stop.
/// </summary>
internal sealed class StopCheck
{
    private readonly long start;
    private readonly TimeSpan? limit;
    private readonly StopToken? token;

    /// <summary>Starts the budget now on <paramref name="clock"/>.</summary>
    public StopCheck(double? maxMinutes, TimeProvider clock, StopToken? token)
    {
        Clock = clock;
        start = clock.GetTimestamp();
        limit = maxMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
        this.token = token;
    }

    /// <summary>The clock the budget and the epoch timings read.</summary>
    public TimeProvider Clock { get; }

    /// <summary>What requested a stop through the token; null while none did. The budget is not asked.</summary>
    public string? Requested => token?.RequestedBy;

    /// <summary>
    /// True when training is to stop: a requested stop (<paramref name="requestedBy"/> names who asked),
    /// or a spent budget (<paramref name="requestedBy"/> null).
    /// </summary>
    public bool Due(out string? requestedBy)
    {
        requestedBy = Requested;
        return requestedBy is not null || (limit is { } l && Clock.GetElapsedTime(start) >= l);
    }
}
