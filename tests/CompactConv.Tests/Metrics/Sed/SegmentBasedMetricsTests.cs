using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Tests.Metrics.Sed;

public class SegmentBasedMetricsTests
{
    // sed_eval divides rates by Nref + numpy.spacing(1).
    private const double Eps = 2.220446049250313e-16;

    private static SoundEvent E(double onset, double offset, string label, string file = "f.wav") => new(file, onset, offset, label);

    [Fact]
    public void EventsTouchingBordersCoverOnlyTheSegmentsTheyOverlap()
    {
        // 1 s segments. Reference: a [0, 2] -> segments 0, 1 (ends on the border of 2: ceil(2) = 2, not 3);
        // b [2.5, 3] -> segment 2. Estimate: a [1, 2.2] -> floor(1) = 1 .. ceil(2.2) = 3: segments 1, 2.
        // The file is max(3, 2.2) = 3 s: 3 segments.
        //   segment 0: ref {a}, est {}  -> D 1
        //   segment 1: ref {a}, est {a} -> Ntp 1
        //   segment 2: ref {b}, est {a} -> Nref 1, Nsys 1, Ntp 0: S = min(1, 1) - 0 = 1
        // Overall: Ntp 1, Nref 3, Nsys 2, S 1, D 1, I 0: P = 1/2, R = 1/3, F = 2 (1/2)(1/3) / (5/6) = 0.4,
        // ER = (1 + 1 + 0) / 3.
        var metrics = new SegmentBasedMetrics(["a", "b"]);
        metrics.Evaluate([E(0, 2, "a"), E(2.5, 3, "b")], [E(1, 2.2, "a")]);
        var results = metrics.Results();

        Assert.Equal(new SedCounts(3, 2, 1, 1, 1, 0), results.Overall.Counts);
        Assert.Equal(0.5, results.Overall.Precision, 12);
        Assert.Equal(1.0 / 3, results.Overall.Recall, 12);
        Assert.Equal(0.4, results.Overall.FMeasure, 12);
        Assert.Equal(2.0 / 3, results.Overall.ErrorRate, 12);
        Assert.Equal(1.0 / 3, results.Overall.SubstitutionRate, 12);
        Assert.Equal(1.0 / 3, results.Overall.DeletionRate, 12);
        Assert.Equal(0.0, results.Overall.InsertionRate);
        Assert.Equal(3.0, metrics.EvaluatedSeconds);

        // Class a: ref {0, 1}, est {1, 2}: Ntp 1, Nref 2, Nsys 2 -> P = R = F = 1/2; D = I = 1/2, ER = 1.
        var a = results.ForClass("a");
        Assert.Equal((0.5, 0.5, 0.5), (a.Precision, a.Recall, a.FMeasure));
        Assert.Equal((0.5, 0.5, 1.0), (a.DeletionRate, a.InsertionRate, a.ErrorRate));
        // Class b: ref {2}, nothing estimated: precision undefined, recall 0, so F undefined;
        // D = 1 / (1 + eps), which is one step below 1, as sed_eval computes it.
        var b = results.ForClass("b");
        Assert.True(double.IsNaN(b.Precision));
        Assert.Equal(0.0, b.Recall);
        Assert.True(double.IsNaN(b.FMeasure));
        Assert.Equal(1 / (1 + Eps), b.DeletionRate);
        Assert.Equal(b.DeletionRate, b.ErrorRate);

        // Macro averages leave NaN out: F mean(0.5) = 0.5, R mean(0.5, 0) = 0.25, ER mean(1, 1 - ulp).
        Assert.Equal(0.5, results.ClassWiseAverage.FMeasure, 12);
        Assert.Equal(0.5, results.ClassWiseAverage.Precision, 12);
        Assert.Equal(0.25, results.ClassWiseAverage.Recall, 12);
        Assert.Equal(1.0, results.ClassWiseAverage.ErrorRate, 12);
        Assert.Equal(0.75, results.ClassWiseAverage.DeletionRate, 12);
        Assert.Equal(0.25, results.ClassWiseAverage.InsertionRate, 12);
    }

    [Fact]
    public void SegmentIndicesUseFloorOfOnsetAndCeilOfOffsetAtFinerResolution()
    {
        // 0.5 s segments. Reference a [0.3, 0.7]: floor(0.6) = 0 .. ceil(1.4) = 2 -> segments 0, 1.
        // Estimate a [0.5, 1.0]: floor(1) = 1 .. ceil(2) = 2 -> segment 1. File 1 s = 2 segments.
        // Ntp 1 (segment 1), segment 0 a deletion: P = 1, R = 1/2, ER = 1/2.
        var metrics = new SegmentBasedMetrics(["a"], 0.5);
        metrics.Evaluate([E(0.3, 0.7, "a")], [E(0.5, 1.0, "a")]);
        var overall = metrics.Results().Overall;
        Assert.Equal(new SedCounts(2, 1, 1, 0, 1, 0), overall.Counts);
        Assert.Equal(1.0, overall.Precision);
        Assert.Equal(0.5, overall.Recall);
        Assert.Equal(0.5, overall.ErrorRate, 12);
    }

    [Fact]
    public void ZeroLengthEventOnABorderCoversNoSegmentButInsideOneItDoes()
    {
        // [2, 2]: floor(2) = 2 .. ceil(2) = 2, an empty range. [2.5, 2.5]: 2 .. 3, segment 2.
        var metrics = new SegmentBasedMetrics(["a"]);
        metrics.Evaluate([E(2, 2, "a")], []);
        Assert.Equal(0, metrics.Results().Overall.Counts.Reference);
        metrics.Evaluate([E(2.5, 2.5, "a")], []);
        Assert.Equal(1, metrics.Results().Overall.Counts.Reference);
    }

    [Fact]
    public void InsertionsInAFileWithoutReferenceEventsDivideByEpsilonAsSedEvalDoes()
    {
        // The reference has no event; the estimate has b [0, 1.5]: 2 segments, 2 insertions.
        // Nref = 0, so precision 0, recall undefined and the rates 2 / eps (sed_eval's behaviour, not infinity).
        var metrics = new SegmentBasedMetrics(["a", "b"]);
        metrics.Evaluate([], [E(0, 1.5, "b")]);
        var results = metrics.Results();
        Assert.Equal(new SedCounts(0, 2, 0, 0, 0, 2), results.Overall.Counts);
        Assert.Equal(0.0, results.Overall.Precision);
        Assert.True(double.IsNaN(results.Overall.Recall));
        Assert.Equal(2 / Eps, results.Overall.InsertionRate);
        Assert.Equal(2 / Eps, results.ForClass("b").ErrorRate);
        // A class absent from both sides has undefined scores and a zero error rate (0 / eps).
        var a = results.ForClass("a");
        Assert.True(double.IsNaN(a.FMeasure));
        Assert.Equal(0.0, a.ErrorRate);
    }

    [Fact]
    public void FilesAccumulateAndAnEmptyPairCountsAsAFileOfNoSegments()
    {
        var metrics = new SegmentBasedMetrics(["a"]);
        metrics.Evaluate([E(0, 1, "a", "x.wav")], [E(0, 1, "a", "x.wav")]);
        metrics.Evaluate([E(0, 2, "a", "y.wav")], []);
        metrics.Evaluate([], []);
        var results = metrics.Results();
        // x: 1 hit; y: 2 deletions. P = 1/1, R = 1/3, ER = 2/3.
        Assert.Equal(new SedCounts(3, 1, 1, 0, 2, 0), results.Overall.Counts);
        Assert.Equal(1.0 / 3, results.Overall.Recall, 12);
        Assert.Equal(3, results.FilesEvaluated);
        Assert.Equal(3.0, metrics.EvaluatedSeconds);
    }

    [Fact]
    public void AGivenEvaluatedLengthCutsEventsOff()
    {
        // a [0, 3] in both lists, evaluated over 2 s: 2 segments instead of 3.
        var metrics = new SegmentBasedMetrics(["a"]);
        metrics.Evaluate([E(0, 3, "a")], [E(0, 3, "a")], evaluatedSeconds: 2);
        Assert.Equal(new SedCounts(2, 2, 2, 0, 0, 0), metrics.Results().Overall.Counts);
    }

    [Fact]
    public void AgreesWithTheExampleInSedEvalsOwnTests()
    {
        // sed_eval's test_direct_use_segment expects ER 0.5556 for these lists.
        // Reference car [0, 2.5] -> 0..2, [2.8, 4.5] -> 2..4, [6, 10] -> 6..9: 9 active segments.
        // Estimate car [1, 3.5] -> 1..3, [7, 8] -> 7: 4 segments, all correct.
        // Ntp 4, D 5: ER 5/9, P 1, R 4/9, F 8/13.
        var metrics = new SegmentBasedMetrics(["car"]);
        metrics.Evaluate([E(0, 2.5, "car"), E(2.8, 4.5, "car"), E(6, 10, "car")], [E(1, 3.5, "car"), E(7, 8, "car")]);
        var overall = metrics.Results().Overall;
        Assert.Equal(new SedCounts(9, 4, 4, 0, 5, 0), overall.Counts);
        Assert.Equal(5.0 / 9, overall.ErrorRate, 12);
        Assert.Equal(8.0 / 13, overall.FMeasure, 12);
    }

    [Fact]
    public void BadInputIsRefusedNamingTheProblem()
    {
        var metrics = new SegmentBasedMetrics(["a"]);
        Assert.Contains("'z'", Assert.Throws<ArgumentException>(() => metrics.Evaluate([E(0, 1, "z")], [])).Message);
        Assert.Contains("two files", Assert.Throws<ArgumentException>(() => metrics.Evaluate([E(0, 1, "a", "x"), E(0, 1, "a", "y")], [])).Message);
        Assert.Contains("impossible times", Assert.Throws<ArgumentException>(() => metrics.Evaluate([], [E(2, 1, "a")])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentBasedMetrics(["a"], 0));
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new SegmentBasedMetrics(["a", "a"])).Message);
        Assert.Equal(0, metrics.FilesEvaluated);
    }
}
