namespace CompactConv.Training;

/// <summary>
/// An epoch that a stop (time budget or request) ended part-way, as state.json records it: the step to continue
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

    /// <summary>The trainer's running sums over the steps taken; files written before the sums had names hold an array, which still reads.</summary>
    public EpochTally Tally { get; init; } = EpochTally.Zero;
}
