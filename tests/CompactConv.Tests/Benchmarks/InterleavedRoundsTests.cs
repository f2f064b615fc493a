using CompactConv.Benchmarks;

namespace CompactConv.Tests.Benchmarks;

public class InterleavedRoundsTests
{
    [Fact]
    public void EachRoundStartsOneVariantLaterAndEverySampleLandsInItsVariantAndRound()
    {
        var calls = new List<int>();
        var variants = Enumerable.Range(0, 3).Select(v => (Action)(() => calls.Add(v))).ToList();
        var progress = new List<(int, int)>();
        // The fake clock reports the call's position in the whole run, so each sample says when it was taken.
        int clock = 0;

        var samples = InterleavedRounds.Time(variants, rounds: 2, warmupRounds: 1, (done, total) => progress.Add((done, total)),
            measure: action => { action(); return clock++; });

        Assert.Equal([0, 1, 2, /* timed */ 1, 2, 0, /* timed */ 2, 0, 1], calls);
        Assert.Equal([5.0, 7.0], samples[0]);
        Assert.Equal([3.0, 8.0], samples[1]);
        Assert.Equal([4.0, 6.0], samples[2]);
        Assert.Equal([(1, 3), (2, 3), (3, 3)], progress);
    }

    [Fact]
    public void WithoutWarmUpEveryRoundIsKept()
    {
        int clock = 0;
        var samples = InterleavedRounds.Time([() => { }, () => { }], rounds: 3, warmupRounds: 0, measure: _ => clock++);

        // Rounds run 0 1, then 1 0, then 0 1.
        Assert.Equal([0.0, 3.0, 4.0], samples[0]);
        Assert.Equal([1.0, 2.0, 5.0], samples[1]);
    }

    [Fact]
    public void RefusesImpossibleSettings()
    {
        Assert.Throws<ArgumentException>(() => InterleavedRounds.Time([], 1, 0));
        Assert.Throws<ArgumentException>(() => InterleavedRounds.Time([() => { }], 0, 0));
        Assert.Throws<ArgumentException>(() => InterleavedRounds.Time([() => { }], 1, -1));
    }
}
