namespace CompactConv.Layers;

/// <summary>
/// Parameter-free reductions that <see cref="ChannelPool"/> applies to each group of r channels,
/// independently at every spatial position.
/// </summary>
public enum ChannelPoolOp
{
    /// <summary>Largest member. Ties split the gradient evenly among the tied members.</summary>
    Max,
    /// <summary>Arithmetic mean.</summary>
    Mean,
    /// <summary>Sum (the mean times r).</summary>
    Sum,
    /// <summary>Smallest member. Ties split the gradient evenly among the tied members.</summary>
    Min,
    /// <summary>Root mean square, sqrt(mean(x^2) + 1e-12); the epsilon keeps the gradient finite at 0.</summary>
    Rms,
    /// <summary>The member of largest magnitude, with its sign. On a tie the first such member wins and takes the whole gradient.</summary>
    AbsMax,
    /// <summary>log(sum(exp(x))): a smooth maximum; its gradient is the softmax over the group.</summary>
    LogSumExp,
    /// <summary>In training, one uniformly random member per group and position; in evaluation, the mean (its expectation).</summary>
    Stochastic,
    /// <summary>The first member of each group: plain channel subsampling, the "drop" baseline.</summary>
    Select,
}

/// <summary>How channels are assigned to the groups that <see cref="ChannelPool"/> reduces.</summary>
public enum ChannelGrouping
{
    /// <summary>Group g holds channels g*r .. g*r+r-1 (the paper's diagram).</summary>
    Adjacent,
    /// <summary>Group g holds channels g, g+C/r, g+2C/r, ...</summary>
    Interleaved,
}

/// <summary>Command-line names for <see cref="ChannelPoolOp"/> and <see cref="ChannelGrouping"/>.</summary>
public static class ChannelPoolNames
{
    /// <summary>The command-line name of an operation (<c>max</c>, <c>absmax</c>, ...).</summary>
    public static string Name(this ChannelPoolOp op) => op.ToString().ToLowerInvariant();

    /// <summary>The command-line name of a grouping (<c>adjacent</c> or <c>interleaved</c>).</summary>
    public static string Name(this ChannelGrouping grouping) => grouping.ToString().ToLowerInvariant();

    /// <summary>Parses an operation name; throws <see cref="ArgumentException"/> naming the value and the choices.</summary>
    public static ChannelPoolOp ParseOp(string name) => ParseEnum<ChannelPoolOp>(name, "interchannel op");

    /// <summary>Parses a grouping name; throws <see cref="ArgumentException"/> naming the value and the choices.</summary>
    public static ChannelGrouping ParseGrouping(string name) => ParseEnum<ChannelGrouping>(name, "channel grouping");

    private static T ParseEnum<T>(string name, string what) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        var choices = string.Join(", ", Enum.GetValues<T>().Select(v => v.ToString().ToLowerInvariant()));
        throw new ArgumentException($"unknown {what} '{name}' (expected one of: {choices})");
    }
}
