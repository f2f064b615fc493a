using CompactConv.Benchmarks;
using CompactConv.Data.Events;

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

    [Fact]
    public void TheEstimateMixesShiftedRelabelledAndRandomEventsAsPromised()
    {
        var (reference, estimate) = SedMetricsBenchmark.GenerateLists(files: 1000, eventsPerFile: 10, classes: 10, seed: 0);

        // The estimate has one event per reference event, in the same place in the list.
        var kinds = reference.Events.Zip(estimate.Events, Kind).ToList();

        // 70 % shifted by at most 0.3 s at each end, 15 % shifted and relabelled, 15 % random (which land near
        // their reference event with its label about once in a thousand); with 10,000 events each share is
        // within 1.5 points of its promise (about 4 standard deviations).
        Assert.InRange(kinds.Count(k => k == "shifted") / 10_000.0, 0.685, 0.715);
        Assert.InRange(kinds.Count(k => k == "relabelled") / 10_000.0, 0.135, 0.165);
        Assert.InRange(kinds.Count(k => k == "random") / 10_000.0, 0.135, 0.165);
        Assert.All(estimate.Events, e => Assert.Matches(@"^class_0\d$", e.Label));
    }

    private static string Kind(SoundEvent truth, SoundEvent estimated)
    {
        bool near = Math.Abs(truth.Onset - estimated.Onset) <= 0.3 + 1e-9 && Math.Abs(truth.Offset - estimated.Offset) <= 0.3 + 1e-9;
        return !near ? "random" : estimated.Label == truth.Label ? "shifted" : "relabelled";
    }
}
