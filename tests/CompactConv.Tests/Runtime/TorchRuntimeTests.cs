using CompactConv.Runtime;
using CompactConv.Tests.Cli;
using static TorchSharp.torch;

namespace CompactConv.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void TorchSharpLoadsAndComputes()
    {
        // Loading libLibTorchSharp.so on Debian 12 depends on the build step that weakens its
        // GLIBCXX_3.4.32 requirement; any tensor operation proves the library loaded.
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = a.matmul(a);
        Assert.Equal(14f, b.item<float>());
    }

    [Fact]
    public void ThreadsOptionSetsLibtorchThreadsAndRejectsZero()
    {
        int before = get_num_threads();
        try
        {
            Assert.Equal(0, CliHarness.Run("summary", "--threads", "1").ExitCode);
            Assert.Equal(1, get_num_threads());
            var bad = CliHarness.Run("summary", "--threads", "0");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("--threads", bad.Error);
        }
        finally
        {
            set_num_threads(before);
        }
    }

    [Fact]
    public void ThreadsAboveFourPerCoreAreRefusedBeforeAnyIsSet()
    {
        // Just above the bound: were the check missing, this would cost a few threads, never thousands.
        int before = get_num_threads();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.Configure(TorchRuntime.MaxThreads + 1, tuneAllocator: false));
        Assert.Equal("threads", error.ParamName);
        Assert.StartsWith($"threads must be from 1 to {TorchRuntime.MaxThreads} (4 per core, {Environment.ProcessorCount} cores), got {TorchRuntime.MaxThreads + 1}", error.Message);
        Assert.Equal(before, get_num_threads());
        Assert.Equal(4 * Environment.ProcessorCount, TorchRuntime.MaxThreads);
    }

    [Fact]
    public void AllocatorTuningCanBeSwitchedOffByEnvironment()
    {
        var saved = Environment.GetEnvironmentVariable(TorchRuntime.AllocatorTuningVariable);
        try
        {
            Environment.SetEnvironmentVariable(TorchRuntime.AllocatorTuningVariable, "0");
            Assert.False(TorchRuntime.AllocatorTuningAllowedByEnvironment());
            Environment.SetEnvironmentVariable(TorchRuntime.AllocatorTuningVariable, "off");
            Assert.False(TorchRuntime.AllocatorTuningAllowedByEnvironment());
            Environment.SetEnvironmentVariable(TorchRuntime.AllocatorTuningVariable, null);
            Assert.True(TorchRuntime.AllocatorTuningAllowedByEnvironment());
        }
        finally
        {
            Environment.SetEnvironmentVariable(TorchRuntime.AllocatorTuningVariable, saved);
        }
    }
}
