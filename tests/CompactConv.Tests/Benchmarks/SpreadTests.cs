using CompactConv.Benchmarks;

namespace CompactConv.Tests.Benchmarks;

public class SpreadTests
{
    [Fact]
    public void PercentilesInterpolateLinearlyBetweenSortedSamplesAsNumpyDoes()
    {
        // Sorted 1, 2, 3, 4: p10 at position 0.3, median at 1.5, p90 at 2.7 (numpy.percentile gives 1.3, 2.5, 3.7).
        var spread = Spread.Of([4, 1, 3, 2]);

        Assert.Equal(new Spread(4, 1, 1.3, 2.5, 3.7, 4), spread with { P10 = Math.Round(spread.P10, 12), P90 = Math.Round(spread.P90, 12) });
    }

    [Fact]
    public void AnOddCountHasTheMiddleSampleAsMedian()
    {
        // Positions 0.4, 2 and 3.6 of 10, 20, 30, 40, 50.
        var spread = Spread.Of([50, 10, 40, 20, 30]);

        Assert.Equal(5, spread.Count);
        Assert.Equal(14, spread.P10, 9);
        Assert.Equal(30, spread.Median);
        Assert.Equal(46, spread.P90, 9);
        Assert.Equal((10, 50), (spread.Min, spread.Max));
    }

    [Fact]
    public void OneSampleIsEveryStatistic() =>
        Assert.Equal(new Spread(1, 7, 7, 7, 7, 7), Spread.Of([7]));

    [Fact]
    public void PercentileEndsAreTheExtremes()
    {
        double[] sorted = [1, 5, 9];
        Assert.Equal(1, Spread.Percentile(sorted, 0));
        Assert.Equal(9, Spread.Percentile(sorted, 1));
        Assert.Equal(7, Spread.Percentile(sorted, 0.75));
    }

    [Fact]
    public void RatiosAreTakenRoundByRoundBeforeTheyAreSummarised()
    {
        // Per round 2/1, 4/2, 9/3 = 2, 2, 3: p10 at position 0.2 (2), median 2, p90 at 1.8 (2.8).
        var ratio = Spread.OfRatios([2, 4, 9], [1, 2, 3]);

        Assert.Equal(2, ratio.Median);
        Assert.Equal(2, ratio.P10, 9);
        Assert.Equal(2.8, ratio.P90, 9);
    }

    [Fact]
    public void AMachineDriftingByTheSameFactorForBothVariantsLeavesTheRatioExact()
    {
        double[] a = [20, 40, 22, 60], b = [10, 20, 11, 30];

        Assert.True(Spread.Of(a).P10 < Spread.Of(b).P90, "the two figures' own spreads overlap");
        var ratio = Spread.OfRatios(a, b);
        Assert.Equal((2.0, 2.0, 2.0), (ratio.P10, ratio.Median, ratio.P90));
    }

    [Fact]
    public void IncludesCountsBothEnds()
    {
        var spread = new Spread(3, 0, 0.9, 1, 1.1, 2);
        Assert.True(spread.Includes(0.9));
        Assert.True(spread.Includes(1.1));
        Assert.False(spread.Includes(0.89));
        Assert.False(spread.Includes(1.11));
    }

    [Fact]
    public void FormatShowsTheMedianThenTheP10ToP90Range() =>
        Assert.Equal("2.50 [1.30-3.70]", new Spread(4, 1, 1.3, 2.5, 3.7, 4).Format(2));

    [Fact]
    public void RefusesWhatHasNoSpread()
    {
        Assert.Throws<ArgumentException>(() => Spread.Of([]));
        Assert.Throws<ArgumentException>(() => Spread.Of([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => Spread.OfRatios([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Spread.OfRatios([1, 2], [1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Spread.Percentile([1.0], 1.5));
        Assert.Throws<ArgumentException>(() => Spread.Percentile([], 0.5));
    }
}
