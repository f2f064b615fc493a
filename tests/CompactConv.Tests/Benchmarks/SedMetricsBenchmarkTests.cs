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
    public void EvaluatesTheGeneratedListsOnceForEveryRoundAfterTheWarmUp()
    {
        var progress = new List<(int, int)>();

        var result = SedMetricsBenchmark.Run(new SedMetricsBenchmarkOptions { Files = 20, EventsPerFile = 5, Rounds = 3, WarmupRounds = 2 },
            (done, total) => progress.Add((done, total)));

        Assert.Equal((100, 100, 20), (result.ReferenceEvents, result.EstimatedEvents, result.Files));
        Assert.Equal([(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)], progress);
        Assert.Equal(3, result.RunMilliseconds.Count);
        Assert.Equal(Spread.Of(result.RunMilliseconds), result.Milliseconds);
        Assert.Throws<ArgumentException>(() => SedMetricsBenchmark.Run(new SedMetricsBenchmarkOptions { Files = 2, Rounds = 0 }));
    }
}
