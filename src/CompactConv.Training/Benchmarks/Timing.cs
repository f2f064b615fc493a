using System.Diagnostics;

namespace CompactConv.Benchmarks;

/// <summary>Small helpers for wall-clock and memory measurements.</summary>
public static class Timing
{
    /// <summary>Milliseconds one call of <paramref name="action"/> takes.</summary>
    public static double Milliseconds(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Resident set size of this process in bytes (Linux /proc; the working set elsewhere).</summary>
    public static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
