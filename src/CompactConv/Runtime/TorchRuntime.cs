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
    /// Applies the thread count and, on Linux, the allocator tuning. Passing null threads keeps
    /// libtorch's default (one per core).
    /// </summary>
    public static void Configure(int? threads, bool tuneAllocator)
    {
        if (tuneAllocator && AllocatorTuningAllowedByEnvironment()) TuneAllocator();
        if (threads is { } n)
        {
            if (n < 1) throw new ArgumentException($"--threads must be at least 1, got {n}");
            set_num_threads(n);
        }
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
