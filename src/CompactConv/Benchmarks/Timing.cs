using System.Diagnostics;

namespace CompactConv.Benchmarks;

/// <summary>Small helpers for wall-clock measurements reported as medians.</summary>
public static class Timing
{
    /// <summary>Milliseconds one call of <paramref name="action"/> takes.</summary>
    public static double Milliseconds(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("median of no values");
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Resident set size of this process in bytes (Linux /proc; the working set elsewhere).</summary>
    public static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
