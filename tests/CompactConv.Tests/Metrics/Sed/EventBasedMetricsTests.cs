using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Tests.Metrics.Sed;

public class EventBasedMetricsTests
{
    // Collar and ratio of 1/4 keep every time and difference below exact in binary, so the
    // inclusive boundaries are tested without rounding noise.
    private const double Collar = 0.25;
    private const double Ratio = 0.25;
    private const double Eps = 2.220446049250313e-16;

    private static SoundEvent E(double onset, double offset, string label) => new("f.wav", onset, offset, label);

    private static EventBasedMetrics Metrics(string[] labels, bool offset = true) =>
        new(labels, Collar, Ratio, evaluateOffset: offset);

    [Fact]
    public void CollarsIncludeTheirBoundary()
    {
        // Reference a [1, 2] (length 1: offset collar max(0.25, 0.25 x 1) = 0.25).
        // [1.25, 2.25]: both ends exactly 0.25 away -> correct. [1.5, 2]: onset 0.5 away -> not.
        var metrics = Metrics(["a"]);
        Assert.True(metrics.TimesMatch(E(1, 2, "a"), E(1.25, 2.25, "a")));
        Assert.True(metrics.TimesMatch(E(1, 2, "a"), E(0.75, 1.75, "a")));
        Assert.False(metrics.TimesMatch(E(1, 2, "a"), E(1.5, 2, "a")));
        Assert.False(metrics.TimesMatch(E(1, 2, "a"), E(1, 2.5, "a")));
        // A long event earns a wider offset collar: length 4 -> max(0.25, 1) = 1.
        Assert.True(metrics.TimesMatch(E(0, 4, "a"), E(0, 5, "a")));
        Assert.False(metrics.TimesMatch(E(0, 4, "a"), E(0, 5.25, "a")));
        // The default 200 ms collar, in decimal times, behaves as sed_eval's |a - b| <= 0.2.
        var defaults = new EventBasedMetrics(["a"]);
        Assert.True(defaults.TimesMatch(E(1.0, 2.0, "a"), E(1.2, 2.0, "a")));
        Assert.False(defaults.TimesMatch(E(1.0, 2.0, "a"), E(1.21, 2.0, "a")));
    }

    [Fact]
    public void OnsetOnlyAcceptsWhatTheOffsetCollarRejects()
    {
        // Reference a [0, 4]; estimate a [0.25, 5.25]: onset 0.25 away (inside), offset 1.25 away
        // (outside the 1 s offset collar).
        // Onset + offset: Ntp 0, no substitution (the times fail for every pair), D 1, I 1:
        //   P = 0, R = 0, F = 0, ER = 2 / (1 + eps).
        // Onset only: Ntp 1: P = R = F = 1, ER = 0.
        var both = Metrics(["a"]);
        var onset = Metrics(["a"], offset: false);
        both.Evaluate([E(0, 4, "a")], [E(0.25, 5.25, "a")]);
        onset.Evaluate([E(0, 4, "a")], [E(0.25, 5.25, "a")]);

        var strict = both.Results().Overall;
        Assert.Equal(new SedCounts(1, 1, 0, 0, 1, 1), strict.Counts);
        Assert.Equal((0.0, 0.0, 0.0), (strict.FMeasure, strict.Precision, strict.Recall));
        Assert.Equal(2 / (1 + Eps), strict.ErrorRate);

        var loose = onset.Results().Overall;
        Assert.Equal(new SedCounts(1, 1, 1, 0, 0, 0), loose.Counts);
        Assert.Equal((1.0, 1.0, 1.0, 0.0), (loose.FMeasure, loose.Precision, loose.Recall, loose.ErrorRate));
    }

    [Fact]
    public void AnEventWithTheRightTimesAndWrongLabelIsOneSubstitution()
    {
        // Reference a [1, 2]; estimate b [1, 2]. No correct pair; the leftover pair meets the times:
        // S 1, D 0, I 0, ER = 1 / (1 + eps). Class-wise there are no substitutions: a has a deletion
        // (ER 1 / (1 + eps)), b an insertion against no reference (ER 1 / eps).
        var metrics = Metrics(["a", "b"]);
        metrics.Evaluate([E(1, 2, "a")], [E(1, 2, "b")]);
        var results = metrics.Results();
        Assert.Equal(new SedCounts(1, 1, 0, 1, 0, 0), results.Overall.Counts);
        Assert.Equal(1 / (1 + Eps), results.Overall.SubstitutionRate);
        Assert.Equal(results.Overall.SubstitutionRate, results.Overall.ErrorRate);
        Assert.Equal(0.0, results.Overall.FMeasure);

        var a = results.ForClass("a");
        Assert.True(double.IsNaN(a.Precision));
        Assert.Equal(0.0, a.Recall);
        Assert.Equal(1 / (1 + Eps), a.ErrorRate);
        var b = results.ForClass("b");
        Assert.Equal(0.0, b.Precision);
        Assert.True(double.IsNaN(b.Recall));
        Assert.Equal(1 / Eps, b.InsertionRate);
        // Both class F-measures are undefined, so is their mean; the error rates average.
        Assert.True(double.IsNaN(results.ClassWiseAverage.FMeasure));
        Assert.Equal((1 / (1 + Eps) + 1 / Eps) / 2, results.ClassWiseAverage.ErrorRate);
    }

    [Fact]
    public void OptimalMatchingFindsThePairingGreedyMatchingMisses()
    {
        // A [1, 2] and B [1.25, 2.25] (both length 1: collars 0.25).
        // e0 [1.125, 2.125] fits A and B; e1 [0.875, 1.875] fits A only (0.375 from B's onset).
        // Greedy (first fit in list order) gives A-e0 and leaves B unmatched; the maximum matching
        // is A-e1, B-e0: Ntp 2, F 1, ER 0.
        var metrics = Metrics(["a"]);
        metrics.Evaluate([E(1, 2, "a"), E(1.25, 2.25, "a")], [E(1.125, 2.125, "a"), E(0.875, 1.875, "a")]);
        var overall = metrics.Results().Overall;
        Assert.Equal(new SedCounts(2, 2, 2, 0, 0, 0), overall.Counts);
        Assert.Equal(1.0, overall.FMeasure);
        Assert.Equal(0.0, overall.ErrorRate);
    }

    [Fact]
    public void SubstitutionsFollowTheMatchingSedEvalChoosesSoListOrderMatters()
    {
        // r0 x [1, 2], r1 x [1.25, 2.25]; e0 x [1.125, 2.125] fits both, e1 y [1.5, 2.5] fits r1's
        // times only. The maximum matching has one pair, r0-e0 or r1-e0. sed_eval's graph lists e0's
        // neighbours as [r0, r1] and its greedy start takes r0, so r1 is left over and e1 substitutes
        // it: Ntp 1, S 1, D 0, I 0, ER = 1/2.
        var metrics = Metrics(["x", "y"]);
        var r0 = E(1, 2, "x");
        var r1 = E(1.25, 2.25, "x");
        var estimate = new[] { E(1.125, 2.125, "x"), E(1.5, 2.5, "y") };
        metrics.Evaluate([r0, r1], estimate);
        Assert.Equal(new SedCounts(2, 2, 1, 1, 0, 0), metrics.Results().Overall.Counts);
        Assert.Equal(0.5, metrics.Results().Overall.ErrorRate);

        // With the reference listed the other way round sed_eval matches r1-e0; r0 is left over and
        // e1 is outside its collar: S 0, D 1, I 1, ER = 1.
        var reversed = Metrics(["x", "y"]);
        reversed.Evaluate([r1, r0], estimate);
        Assert.Equal(new SedCounts(2, 2, 1, 0, 1, 1), reversed.Results().Overall.Counts);
        Assert.Equal(1.0, reversed.Results().Overall.ErrorRate);
    }

    [Fact]
    public void MissingEstimateLeavesPrecisionAndFUndefined()
    {
        // Two reference events, nothing detected: D 2, P undefined (0 / 0), R 0, F undefined.
        var metrics = Metrics(["a"]);
        metrics.Evaluate([E(0, 1, "a"), E(2, 3, "a")], []);
        var overall = metrics.Results().Overall;
        Assert.Equal(new SedCounts(2, 0, 0, 0, 2, 0), overall.Counts);
        Assert.True(double.IsNaN(overall.Precision));
        Assert.Equal(0.0, overall.Recall);
        Assert.True(double.IsNaN(overall.FMeasure));
        Assert.Equal(1.0, overall.DeletionRate);
    }

    [Fact]
    public void ZeroScoreMakesPrecisionWithoutOutputZeroSoTheClassCountsInTheMacroAverage()
    {
        // a is detected (F 1), b never: by default b's precision and F are NaN and the macro F is
        // mean(1) = 1; with 'zero_score' b's precision is 0, F 0 and the macro F mean(1, 0) = 1/2.
        SoundEvent[] reference = [E(0, 1, "a"), E(2, 3, "b")];
        SoundEvent[] estimate = [E(0, 1, "a")];
        var plain = Metrics(["a", "b"]);
        var zero = new EventBasedMetrics(["a", "b"], Collar, Ratio, zeroScoreForEmptyOutput: true);
        plain.Evaluate(reference, estimate);
        zero.Evaluate(reference, estimate);
        Assert.True(double.IsNaN(plain.Results().ForClass("b").Precision));
        Assert.Equal(1.0, plain.Results().ClassWiseAverage.FMeasure);
        Assert.Equal((0.0, 0.0), (zero.Results().ForClass("b").Precision, zero.Results().ForClass("b").FMeasure));
        Assert.Equal(0.5, zero.Results().ClassWiseAverage.FMeasure);

        // Overall, an empty output has precision 0 instead of NaN.
        var empty = new EventBasedMetrics(["a"], zeroScoreForEmptyOutput: true);
        empty.Evaluate([E(0, 1, "a")], []);
        Assert.Equal((0.0, 0.0, 0.0), (empty.Results().Overall.Precision, empty.Results().Overall.Recall, empty.Results().Overall.FMeasure));
    }

    [Fact]
    public void ClassWiseCountsAddUpOverFiles()
    {
        // File 1: a hit and a spurious b. File 2: a missed a and a hit b.
        // a: Nref 2, Nsys 1, Ntp 1 -> P 1, R 1/2, F 2/3, ER = (1 + 0) / 2.
        // b: Nref 1, Nsys 2, Ntp 1 -> P 1/2, R 1, F 2/3, ER = (0 + 1) / 1.
        var metrics = Metrics(["a", "b"]);
        metrics.Evaluate([E(0, 1, "a")], [E(0, 1, "a"), E(5, 6, "b")]);
        metrics.Evaluate([E(0, 1, "a"), E(3, 4, "b")], [E(3, 4, "b")]);
        var results = metrics.Results();
        var a = results.ForClass("a");
        Assert.Equal((2L, 1L, 1L), (a.Reference, a.Estimated, a.TruePositives));
        Assert.Equal(2.0 / 3, a.FMeasure, 12);
        Assert.Equal(0.5, a.ErrorRate, 12);
        var b = results.ForClass("b");
        Assert.Equal((1L, 2L, 1L), (b.Reference, b.Estimated, b.TruePositives));
        Assert.Equal(2.0 / 3, b.FMeasure, 12);
        Assert.Equal(1.0, b.ErrorRate, 12);
        Assert.Equal(2.0 / 3, results.ClassWiseAverage.FMeasure, 12);
        Assert.Equal(0.75, results.ClassWiseAverage.ErrorRate, 12);
        Assert.Equal(2, results.FilesEvaluated);
    }

    [Fact]
    public void AgreesWithTheExampleInSedEvalsOwnTests()
    {
        // sed_eval's test_direct_use_event (collar 0.2, its default offset ratio 0.5) expects F 0.8
        // and ER 1/3. car [0, 2.5] ~ [0.2, 3.5]: onset 0.2 <= 0.2, offset 1 <= max(0.2, 1.25).
        // car [6, 10] ~ [6, 8]: offset 2 <= max(0.2, 2). car [2.8, 4.5] is missed.
        // Ntp 2, Nref 3, Nsys 2: P 1, R 2/3, F 0.8, D 1 -> ER 1/3.
        var metrics = new EventBasedMetrics(["car"], 0.2, 0.5);
        metrics.Evaluate([E(0, 2.5, "car"), E(2.8, 4.5, "car"), E(6, 10, "car")], [E(0.2, 3.5, "car"), E(6, 8, "car")]);
        var overall = metrics.Results().Overall;
        Assert.Equal(new SedCounts(3, 2, 2, 0, 1, 0), overall.Counts);
        Assert.Equal(0.8, overall.FMeasure, 12);
        Assert.Equal(1.0 / 3, overall.ErrorRate, 12);
    }

    [Fact]
    public void OffsetOnlyComparesOffsetsWithTheLengthDependentCollar()
    {
        // Reference a [0, 4]: offset collar max(0.25, 0.25 x 4) = 1. [3, 4.5] starts 3 s late but
        // ends 0.5 s off -> correct; [0, 5.5] ends 1.5 s off -> an insertion.
        var metrics = new EventBasedMetrics(["a"], Collar, Ratio, evaluateOnset: false);
        metrics.Evaluate([E(0, 4, "a")], [E(0, 5.5, "a"), E(3, 4.5, "a")]);
        Assert.Equal(new SedCounts(1, 2, 1, 0, 0, 1), metrics.Results().Overall.Counts);
    }

    [Fact]
    public void ImpossibleSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventBasedMetrics(["a"], collarSeconds: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventBasedMetrics(["a"], offsetRatio: 1.5));
        Assert.Throws<ArgumentException>(() => new EventBasedMetrics(["a"], evaluateOnset: false, evaluateOffset: false));
    }
}
