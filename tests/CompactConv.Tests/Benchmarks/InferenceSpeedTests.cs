using CompactConv.Benchmarks;
using static TorchSharp.torch;

namespace CompactConv.Tests.Benchmarks;

public class InferenceSpeedTests
{
    [Fact]
    public void TimesEveryModelInEveryRoundInEvalModeRelativeToTheReference()
    {
        using var small = nn.Sequential(nn.Flatten(), nn.Linear(12, 2));
        using var large = nn.Sequential(nn.Flatten(), nn.Linear(12, 64), nn.ReLU(), nn.Linear(64, 2));
        var progress = new List<(int, int)>();

        var result = InferenceSpeed.Compare([("small", small), ("large", large)], reference: 1, [3, 2, 2],
            new InferenceTimingOptions { BatchSize = 4, Rounds = 3, WarmupRounds = 1 }, (done, total) => progress.Add((done, total)));

        Assert.Equal([(1, 4), (2, 4), (3, 4), (4, 4)], progress);
        Assert.Equal("large", result.Timing.Reference);
        Assert.Equal(["small", "large"], result.Timing.Variants.Select(v => v.Label));
        Assert.All(result.Timing.Variants, v => Assert.Equal(3, v.Value.Count));
        Assert.Equal(new Spread(3, 1, 1, 1, 1, 1), result.Timing.Variants[1].Ratio);
        Assert.False(small.training || large.training);
        Assert.StartsWith("machine: ", result.Notes[0]);
        Assert.Contains("3 rounds after 1 warm-up", result.Notes[0]);
    }

    [Fact]
    public void NotesAreTheContextThenTheLoadAndSpreadWarnings()
    {
        var tied = TimingComparison.Of(["a", "b"], [[1.0, 1.0, 1.0], [0.9, 1.1, 1.0]], reference: 0);
        var busy = new MachineContext(Cores: 2, Threads: 2, AllocatorTuned: true, LoadAtStart: 3, LoadAtEnd: 3);

        var notes = new InferenceComparison(tied, busy, new InferenceTimingOptions()).Notes;

        Assert.Equal(3, notes.Count);
        Assert.Equal(busy.Describe(9, 2), notes[0]);
        Assert.StartsWith("warning: load average 3.00", notes[1]);
        Assert.StartsWith("warning: ms/image: spread wider than the difference, cannot tell apart b vs a", notes[2]);
        var quiet = new InferenceComparison(TimingComparison.Of(["a"], [[1.0]], 0), busy with { LoadAtStart = 0.5, LoadAtEnd = 0.5 }, new InferenceTimingOptions());
        Assert.Single(quiet.Notes);
    }
}
