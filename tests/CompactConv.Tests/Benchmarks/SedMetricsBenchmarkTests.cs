using CompactConv.Benchmarks;

namespace CompactConv.Tests.Benchmarks;

public class SedMetricsBenchmarkTests
{
    [Fact]
    public void GeneratedListsHaveTheAskedSizeAndRepeatWithTheSeed()
    {
        var (reference, estimate) = SedMetricsBenchmark.GenerateLists(files: 50, eventsPerFile: 4, classes: 3, seed: 7);
        Assert.Equal(200, reference.Events.Count);
        Assert.Equal(200, estimate.Events.Count);
        Assert.Equal(50, reference.Files.Count);
        Assert.Equal(reference.Files, estimate.Files);
        Assert.All(reference.Events.Concat(estimate.Events), e => Assert.True(e.Onset >= 0 && e.Offset >= e.Onset && e.Offset <= 10));
        Assert.Equal(3, reference.Events.Select(e => e.Label).Distinct().Count());

        var again = SedMetricsBenchmark.GenerateLists(files: 50, eventsPerFile: 4, classes: 3, seed: 7);
        Assert.Equal(estimate.Events, again.Estimate.Events);
        Assert.NotEqual(estimate.Events, SedMetricsBenchmark.GenerateLists(50, 4, 3, seed: 8).Estimate.Events);
    }

    [Fact]
    public void TenThousandEventsAgainstTenThousandEvaluateWellUnderTwoSeconds()
    {
        var result = SedMetricsBenchmark.Run(new SedMetricsBenchmarkOptions { Rounds = 3 });
        Assert.Equal((10_000, 10_000, 1000), (result.ReferenceEvents, result.EstimatedEvents, result.Files));
        Assert.Equal(3, result.RunMilliseconds.Count);
        // Typically under 0.1 s on two busy cores; the bound leaves room for a loaded test machine.
        Assert.InRange(result.MedianMilliseconds, 0, 2000);
    }
}
