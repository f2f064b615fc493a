using CompactConv.Benchmarks;

namespace CompactConv.Tests.Benchmarks;

public class MachineContextTests
{
    [Fact]
    public void ReadsTheOneMinuteLoadFromALoadavgFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("loadavg");
        File.WriteAllText(path, "3.50 2.00 1.00 2/300 12345\n");
        Assert.Equal(3.5, MachineContext.ReadLoadAverage(path));

        File.WriteAllText(path, "garbage");
        Assert.Null(MachineContext.ReadLoadAverage(path));
        Assert.Null(MachineContext.ReadLoadAverage(folder.File("missing")));
    }

    [Fact]
    public void DescribesThreadsAllocatorRoundsAndLoad()
    {
        var context = new MachineContext(Cores: 2, Threads: 1, AllocatorTuned: true, LoadAtStart: 0.5, LoadAtEnd: 1.25);

        Assert.Equal("machine: 2 cores, 1 thread(s), allocator tuning on, 15 rounds after 3 warm-up, load average 0.50 at start, 1.25 at end",
            context.Describe(15, 3));
        Assert.EndsWith("allocator tuning off, 5 rounds after 0 warm-up, load average unknown",
            (context with { AllocatorTuned = false, LoadAtStart = null, LoadAtEnd = null }).Describe(5, 0));
    }

    [Theory]
    [InlineData(1.0, 2.5, "warning: load average 2.50 exceeds the 2 cores: other processes competed for the CPU, so these timings are unreliable")]
    [InlineData(3.0, null, "warning: load average 3.00 exceeds the 2 cores: other processes competed for the CPU, so these timings are unreliable")]
    [InlineData(1.9, 2.0, null)]
    [InlineData(null, null, null)]
    public void WarnsWhenTheLoadExceededTheCoresAtEitherEnd(double? start, double? end, string? warning) =>
        Assert.Equal(warning, new MachineContext(2, 2, true, start, end).Warning());

    [Fact]
    public void AtEndKeepsTheStartAndAddsTheEnd()
    {
        var start = MachineContext.AtStart() with { LoadAtStart = 0.25 };
        var end = start.AtEnd();

        Assert.Equal(0.25, end.LoadAtStart);
        Assert.Equal(File.Exists(MachineContext.LoadAveragePath), end.LoadAtEnd is not null);
        Assert.Equal(Environment.ProcessorCount, end.Cores);
    }
}
