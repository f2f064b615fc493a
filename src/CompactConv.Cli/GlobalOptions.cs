using System.CommandLine;
using CompactConv.Cli.Rendering;
using CompactConv.Runtime;
using Spectre.Console;

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

    /// <summary>--plain: tables as TSV and progress as plain lines, even on a terminal.</summary>
    public static Option<bool> Plain { get; } = new("--plain")
    {
        Description = "Print tables as tab-separated values and progress as plain lines (for scripts), even on a terminal",
        Recursive = true,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public static void AddTo(Command root)
    {
        root.Options.Add(Threads);
        root.Options.Add(Device);
        root.Options.Add(Verbose);
        root.Options.Add(NoMallocTuning);
        root.Options.Add(Plain);
    }

    /// <summary>Applies --plain, --threads and the allocator setting before any tensor work, and checks --device.</summary>
    public static void Apply(ParseResult parse)
    {
        OutputTarget.Plain = parse.GetValue(Plain);
        // Progress bars follow the same width as tables, COLUMNS included.
        if (OutputTarget.Interactive) AnsiConsole.Profile.Width = OutputTarget.Width;
        try
        {
            TorchRuntime.Configure(parse.GetValue(Threads), tuneAllocator: !parse.GetValue(NoMallocTuning));
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "threads")
        {
            throw new UsageException($"--{ParameterReason(e)}");
        }
        // A wrong --device is refused here, before a command spends minutes loading data.
        DeviceOf(parse);
    }

    /// <summary>
    /// The device --device names (the CPU without it), which each command passes down to the trainers and
    /// pipelines it calls; the library's refusal is reworded in terms of the flag.
    /// </summary>
    /// <exception cref="UsageException">The name is unknown or names a device this machine lacks.</exception>
    public static TorchSharp.torch.Device DeviceOf(ParseResult parse)
    {
        if (parse.GetValue(Device) is not { } name) return TorchSharp.torch.CPU;
        try
        {
            return ComputeDevice.Parse(name);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--device: {ParameterReason(e)}");
        }
    }

    // The library's message without the " (Parameter 'x')" and "Actual value was" lines .NET appends: the
    // library names its parameter, the user typed a flag.
    private static string ParameterReason(ArgumentException e) =>
        e.Message.Split('\n', 2)[0].Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).Trim();
}
