using System.CommandLine;
using CompactConv.Runtime;

namespace CompactConv.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    /// <summary>--threads N: intra-op threads for libtorch (default: one per core).</summary>
    public static Option<int?> Threads { get; } = new("--threads")
    {
        Description = "Number of CPU threads for libtorch (default: one per core)",
        Recursive = true,
    };

    /// <summary>--device: where models train and run (cpu, cuda, cuda:N, auto).</summary>
    public static Option<string?> Device { get; } = new("--device")
    {
        Description = "Device for models: cpu (default), cuda, cuda:N or auto (CUDA needs a build with -p:TorchDevice=cuda)",
        Recursive = true,
    };

    /// <summary>--verbose: stack traces on errors.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print stack traces with errors",
        Recursive = true,
    };

    /// <summary>--no-malloc-tuning: keep glibc's default allocator settings.</summary>
    public static Option<bool> NoMallocTuning { get; } = new("--no-malloc-tuning")
    {
        Description = $"Keep glibc's default malloc settings (also: {TorchRuntime.AllocatorTuningVariable}=0)",
        Recursive = true,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Threads);
        root.Options.Add(Device);
        root.Options.Add(Verbose);
        root.Options.Add(NoMallocTuning);
    }

    /// <summary>Applies --threads, the allocator setting and --device before any tensor work.</summary>
    public static void Apply(ParseResult parse)
    {
        TorchRuntime.Configure(parse.GetValue(Threads), tuneAllocator: !parse.GetValue(NoMallocTuning));
        if (parse.GetValue(Device) is { } device) ComputeDevice.Use(device);
    }
}
