using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace CompactConv.Runtime;

/// <summary>
/// Process-wide settings applied once at start-up, before the first tensor is made.
/// </summary>
public static partial class TorchRuntime
{
    /// <summary>Environment variable that turns the allocator tuning off when set to 0, false or off.</summary>
    public const string AllocatorTuningVariable = "COMPACTCONV_MALLOC_TUNING";

    private const int MallocTrimThreshold = -1; // glibc M_TRIM_THRESHOLD
    private const int MallocMmapMax = -4;       // glibc M_MMAP_MAX

    /// <summary>True once <see cref="TuneAllocator"/> changed glibc's malloc settings in this process.</summary>
    public static bool AllocatorTuned { get; private set; }

    /// <summary>
    /// The most intra-op threads <see cref="Configure"/> accepts: four per core. More only queue for
    /// the same cores, and libtorch starts every one of them, so a typo such as 100000 would starve the machine.
    /// </summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <summary>
    /// Applies the thread count and, on Linux, the allocator tuning. Passing null threads keeps
    /// libtorch's default (one per core).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="threads"/> is below 1 or above <see cref="MaxThreads"/>; nothing is changed.</exception>
    public static void Configure(int? threads, bool tuneAllocator)
    {
        if (threads is < 1 || threads > MaxThreads)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads,
                $"threads must be from 1 to {MaxThreads} (4 per core, {Environment.ProcessorCount} cores), got {threads}");
        }
        if (tuneAllocator && AllocatorTuningAllowedByEnvironment()) TuneAllocator();
        if (threads is { } n) set_num_threads(n);
    }

    /// <summary>False when <see cref="AllocatorTuningVariable"/> asks to leave malloc alone.</summary>
    public static bool AllocatorTuningAllowedByEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(AllocatorTuningVariable);
        return value is null || !(value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase)
            || value.Equals("off", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Stops glibc from returning large tensor buffers to the kernel after every step. With the
    /// default settings each big allocation is a fresh mmap, and page faults dominated a training
    /// step (measured 2.5x slower; see docs/architecture.md). No effect off Linux.
    /// </summary>
    public static void TuneAllocator()
    {
        if (!OperatingSystem.IsLinux() || AllocatorTuned) return;
        try
        {
            mallopt(MallocMmapMax, 0);
            mallopt(MallocTrimThreshold, int.MaxValue);
            AllocatorTuned = true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without mallopt (musl): the tuning is an optimisation, so run without it.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
