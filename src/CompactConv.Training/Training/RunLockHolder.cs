using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CompactConv.Training;

/// <summary>Who holds a run folder's <see cref="RunLock"/>, as its lock file records it.</summary>
/// <param name="Host">The machine the process runs on (<see cref="Environment.MachineName"/>).</param>
/// <param name="Pid">Its process id on that machine.</param>
/// <param name="Started">When it took the lock.</param>
/// <param name="Command">The <c>compactconv</c> command that writes the folder (<c>train</c>, <c>eval</c>, <c>demo</c>).</param>
public sealed record RunLockHolder(string Host, int Pid, DateTimeOffset Started, string Command)
{
    /// <summary>The current process, taking a lock now for <paramref name="command"/>.</summary>
    public static RunLockHolder ThisProcess(string command) =>
        new(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow, command);

    /// <summary>True when the holder runs on this machine, where its process can be looked up.</summary>
    public bool IsOnThisHost => string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the holder is on this host and its process is still running. A pid is reused once its
    /// process is gone, so a process of that pid started after the lock was taken is another one.
    /// </summary>
    public bool IsRunningHere()
    {
        if (!IsOnThisHost) return false;
        try
        {
            using var process = Process.GetProcessById(Pid);
            // Start times come from the kernel's boot time and clock ticks: allow for their rounding.
            return process.StartTime.ToUniversalTime() <= Started.UtcDateTime + StartTimeSlack;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // no such process, or it ended while being looked at
        }
    }

    private static readonly TimeSpan StartTimeSlack = TimeSpan.FromSeconds(5);

    /// <summary>Process, host and start, e.g. "process 4242 on gpu1, started 2026-01-20 16:05:00Z".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"process {Pid} on {Host}, started {Started.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");

    /// <summary>The lock file's content.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunConfig.JsonOptions);

    /// <summary>Reads a lock file's content; null when it is not a holder's JSON (empty, cut short, foreign).</summary>
    public static RunLockHolder? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RunLockHolder>(json, RunConfig.JsonOptions) is { Host: not null } holder ? holder : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
