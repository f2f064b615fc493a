using CompactConv.Benchmarks;

namespace CompactConv.Tests.Benchmarks;

public class TimingComparisonTests
{
    private static IReadOnlyList<IReadOnlyList<double>> Samples(params double[][] variants) => variants;

    [Fact]
    public void RatiosAreToTheReferenceInTheSameRound()
    {
        var comparison = TimingComparison.Of(["fast", "slow"], Samples([10, 20, 11, 30], [20, 40, 22, 60]), reference: 0);

        Assert.Equal("fast", comparison.Reference);
        Assert.Equal(["fast", "slow"], comparison.Variants.Select(v => v.Label));
        Assert.Equal(new Spread(4, 1, 1, 1, 1, 1), comparison.Variants[0].Ratio);
        Assert.Equal(new Spread(4, 2, 2, 2, 2, 2), comparison.Variants[1].Ratio);
        Assert.Equal(Spread.Of([20, 40, 22, 60]), comparison.Variants[1].Value);
        // The figures' own spreads overlap, but every round ordered them the same way by the same factor.
        Assert.Empty(comparison.Indistinct);
        Assert.Null(comparison.Warning("ms"));
    }

    [Fact]
    public void AVariantWhoseRatioRangeIncludesOneIsIndistinctFromTheReference()
    {
        // Per round 9/10, 11/10, 10/10, 10.5/10: p10-p90 0.93-1.08.
        var comparison = TimingComparison.Of(["reference", "other"], Samples([10, 10, 10, 10], [9, 11, 10, 10.5]), reference: 0);

        var pair = Assert.Single(comparison.Indistinct);
        Assert.Equal(("other", "reference"), (pair.Slower, pair.Faster));
        Assert.True(pair.Ratio.P10 < 1 && pair.Ratio.P90 > 1);
        var warning = comparison.Warning("infer ms")!;
        Assert.StartsWith("warning: infer ms: spread wider than the difference, cannot tell apart other vs reference (ratio p10-p90 ", warning);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void NeighboursInTheRankingAreCheckedToo()
    {
        // x and y are both clearly twice the reference, but not clearly apart from each other.
        var comparison = TimingComparison.Of(["reference", "x", "y"],
            Samples([10, 10, 10, 10], [20, 21, 19, 20], [21, 19, 20, 20.5]), reference: 0);

        var pair = Assert.Single(comparison.Indistinct);
        // Per round y / x = 1.05, 0.90, 1.05, 1.025: y took longer in most rounds.
        Assert.Equal(("y", "x"), (pair.Slower, pair.Faster));
        Assert.Equal(Spread.OfRatios([21, 19, 20, 20.5], [20, 21, 19, 20]), pair.Ratio);
        Assert.Contains("y vs x", comparison.Warning("ms"));
    }

    [Fact]
    public void APairIsOrientedByItsPerRoundRatioEvenWhenTheMediansDisagree()
    {
        // Medians 12 (a) and 11 (b), but a was faster in three rounds of five: medians taken
        // separately can order a pair differently from its rounds.
        var comparison = TimingComparison.Of(["a", "b"], Samples([9, 12, 12, 13, 30], [10, 13, 11, 14, 8]), reference: 1);

        var pair = Assert.Single(comparison.Indistinct);
        Assert.Equal(("b", "a"), (pair.Slower, pair.Faster));
        Assert.Equal(Spread.OfRatios([10, 13, 11, 14, 8], [9, 12, 12, 13, 30]), pair.Ratio);
        Assert.True(pair.Ratio.Median >= 1);
    }

    [Fact]
    public void APairIsReportedOnceWhenItIsBothAReferencePairAndNeighbours()
    {
        var comparison = TimingComparison.Of(["reference", "twin", "far"],
            Samples([10, 10, 10, 10], [9, 11, 10, 10.5], [50, 50, 50, 50]), reference: 0);

        Assert.Equal([("twin", "reference")], comparison.Indistinct.Select(p => (p.Slower, p.Faster)));
    }

    [Fact]
    public void RefusesMismatchedInput()
    {
        Assert.Throws<ArgumentException>(() => TimingComparison.Of(["a"], Samples([1], [2]), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimingComparison.Of(["a", "b"], Samples([1], [2]), 2));
        Assert.Throws<ArgumentException>(() => TimingComparison.Of(["a", "b"], Samples([1, 2], [2]), 0));
    }
}
