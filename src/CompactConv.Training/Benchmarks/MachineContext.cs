using System.Globalization;
using CompactConv.Runtime;

namespace CompactConv.Benchmarks;

/// <summary>
/// What a timing depends on besides the code: cores, libtorch threads, the allocator tuning and how
/// busy the machine was (the 1-minute load average at the start and the end of the measurement,
/// where /proc/loadavg exists). Printed with every timing table so that figures from different runs
/// are compared knowingly.
/// </summary>
/// <param name="Cores">Logical processors.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="AllocatorTuned">Whether glibc's malloc was tuned at start-up.</param>
/// <param name="LoadAtStart">1-minute load average before the measurement; null where unknown.</param>
/// <param name="LoadAtEnd">1-minute load average after it; null where unknown or not yet read.</param>
public sealed record MachineContext(int Cores, int Threads, bool AllocatorTuned, double? LoadAtStart, double? LoadAtEnd = null)
{
    /// <summary>Where Linux publishes the load average.</summary>
    public const string LoadAveragePath = "/proc/loadavg";

    /// <summary>The context now, before a measurement.</summary>
    public static MachineContext AtStart() =>
        new(Environment.ProcessorCount, TorchSharp.torch.get_num_threads(), TorchRuntime.AllocatorTuned, ReadLoadAverage(LoadAveragePath));

    /// <summary>This context with the load average after the measurement.</summary>
    public MachineContext AtEnd() => this with { LoadAtEnd = ReadLoadAverage(LoadAveragePath) };

    /// <summary>The 1-minute load average, the first field of a /proc/loadavg-style file; null when the file is missing or unreadable.</summary>
    public static double? ReadLoadAverage(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var first = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>One line: <c>machine: 2 cores, 2 thread(s), allocator tuning on, 15 rounds after 3 warm-up, load average 0.52 at start, 2.10 at end</c>.</summary>
    public string Describe(int rounds, int warmupRounds)
    {
        string load = (LoadAtStart, LoadAtEnd) switch
        {
            (null, null) => "load average unknown",
            ({ } start, null) => string.Create(CultureInfo.InvariantCulture, $"load average {start:F2} at start"),
            (null, { } end) => string.Create(CultureInfo.InvariantCulture, $"load average {end:F2} at end"),
            ({ } start, { } end) => string.Create(CultureInfo.InvariantCulture, $"load average {start:F2} at start, {end:F2} at end"),
        };
        return $"machine: {Cores} cores, {Threads} thread(s), allocator tuning {(AllocatorTuned ? "on" : "off")}, "
            + $"{rounds} rounds after {warmupRounds} warm-up, {load}";
    }

    /// <summary>
    /// A warning line when the load average exceeded the core count at either end: more threads
    /// wanted a core than there were cores, so other work took CPU time from the measurement. Null otherwise.
    /// </summary>
    public string? Warning()
    {
        double? highest = (LoadAtStart, LoadAtEnd) switch
        {
            ({ } start, { } end) => Math.Max(start, end),
            var (start, end) => start ?? end,
        };
        return highest > Cores
            ? string.Create(CultureInfo.InvariantCulture,
                $"warning: load average {highest:F2} exceeds the {Cores} cores: other processes competed for the CPU, so these timings are unreliable")
            : null;
    }
}
