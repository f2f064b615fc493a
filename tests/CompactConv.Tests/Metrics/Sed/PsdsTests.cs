using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Tests.Metrics.Sed;

/// <summary>
/// PSDS worked out by hand on two files, two classes and three operating points (docs/sed-metrics.md
/// repeats the example). f1 lasts 240 s and f2 120 s: 360 s of audio, so one false positive is 10 per
/// hour; each class has 30 s of reference events, so one cross-trigger is 120 per hour.
/// </summary>
public class PsdsTests
{
    private static SoundEvent E(string file, double onset, double offset, string label) => new(file, onset, offset, label);

    // a1 [10, 20], b1 [30, 40], a2 [50, 60] in f1; b2 [5, 25], a3 [70, 80] in f2.
    private static PsdsGroundTruth Truth() => new(
        new EventList(["f1", "f2"], [E("f1", 10, 20, "a"), E("f1", 30, 40, "b"), E("f1", 50, 60, "a"), E("f2", 5, 25, "b"), E("f2", 70, 80, "a")]),
        new Dictionary<string, double> { ["f1"] = 240, ["f2"] = 120 }, ["a", "b"]);

    private static readonly IReadOnlyList<SoundEvent>[] OperatingPoints =
    [
        // OP1: a1 80 % covered; a [75, 95] lies only 25 % on a3; b2 exactly.
        [E("f1", 11, 19, "a"), E("f2", 75, 95, "a"), E("f2", 5, 25, "b")],
        // OP2: a1 again; a2 only 60 % covered; a [200, 210] on nothing; b2; b [28, 38] 80 % on b1.
        [E("f1", 11, 19, "a"), E("f1", 52, 58, "a"), E("f1", 200, 210, "a"), E("f2", 5, 25, "b"), E("f1", 28, 38, "b")],
        // OP3: every reference event exactly, plus a [32, 40] wholly on b1 and b [12, 18] wholly on a1 (cross-triggers),
        // b [58, 68] 20 % on a2 (below the cttc of 0.3) and b [100, 130], which runs past f2's end.
        [E("f1", 10, 20, "a"), E("f1", 32, 40, "a"), E("f1", 50, 60, "a"), E("f2", 70, 80, "a"),
         E("f2", 5, 25, "b"), E("f1", 12, 18, "b"), E("f1", 30, 40, "b"), E("f1", 58, 68, "b"), E("f2", 100, 130, "b")],
    ];

    [Fact]
    public void TheGroundTruthHasTheEventCountsAndDurations()
    {
        var truth = Truth();
        Assert.Equal([3L, 2L], truth.EventCounts);
        Assert.Equal([30.0, 30.0], truth.EventSeconds);
        Assert.Equal(360.0, truth.TotalSeconds);
    }

    [Fact]
    public void Scenario1CountsAndScore()
    {
        var truth = Truth();
        var counts = OperatingPoints.Select(op => truth.Count(op, PsdsParameters.Scenario1)).ToList();
        // OP1: a [75, 95] misses the DTC of 0.7 (0.25 of it is on a3): a false positive, and a3 stays undetected.
        AssertCounts(counts[0], tp: [1, 1], fp: [1, 0], ct: [[0, 0], [0, 0]]);
        // OP2: a [52, 58] meets the DTC (all of it is on a2) but covers 0.6 of a2, under the GTC: neither detected nor a false positive.
        AssertCounts(counts[1], tp: [1, 2], fp: [1, 0], ct: [[0, 0], [0, 0]]);
        AssertCounts(counts[2], tp: [3, 2], fp: [1, 3], ct: [[0, 1], [1, 0]]);

        var result = Psds.Score(truth, counts, PsdsParameters.Scenario1);

        // alpha_ct 0: eFPR = FPR. a: (10, 1/3), (10, 1/3), (10, 1); b: (0, 1/2), (0, 1), (30, 1).
        AssertPoints([(10, 1.0 / 3), (10, 1.0 / 3), (10, 1)], result.ClassPoints[0]);
        AssertPoints([(0, 0.5), (0, 1), (30, 1)], result.ClassPoints[1]);
        // At eFPR 0 only the added point (0, 0) is open to a: TPRs 0 and 1, mean 1/2 - std 1/2 = 0. From 10 on both are 1.
        AssertPoints([(0, 0), (10, 1), (30, 1)], result.Roc);
        // Area 0 x 10 + 1 x 90 over max_efpr 100.
        Assert.Equal(0.9, result.Value, 12);
    }

    [Fact]
    public void Scenario2WeighsCrossTriggersIntoTheFalsePositiveRate()
    {
        var truth = Truth();
        var counts = OperatingPoints.Select(op => truth.Count(op, PsdsParameters.Scenario2)).ToList();
        // dtc and gtc 0.1: a [75, 95] now detects a3, and a [52, 58] detects a2.
        AssertCounts(counts[0], tp: [2, 1], fp: [0, 0], ct: [[0, 0], [0, 0]]);
        AssertCounts(counts[1], tp: [2, 2], fp: [1, 0], ct: [[0, 0], [0, 0]]);
        // a [32, 40] still misses the DTC: it touches no reference event of its own class.
        AssertCounts(counts[2], tp: [3, 2], fp: [1, 3], ct: [[0, 1], [1, 0]]);

        var result = Psds.Score(truth, counts, PsdsParameters.Scenario2);

        // OP3: a's eFPR = 10 + 0.5 x 120 = 70, b's = 30 + 0.5 x 120 = 90.
        AssertPoints([(0, 2.0 / 3), (10, 2.0 / 3), (70, 1)], result.ClassPoints[0]);
        AssertPoints([(0, 0.5), (0, 1), (90, 1)], result.ClassPoints[1]);
        // Up to 70 a reaches 2/3 and b 1: mean 5/6 - std 1/6 = 2/3.
        AssertPoints([(0, 2.0 / 3), (10, 2.0 / 3), (70, 1), (90, 1)], result.Roc);
        // Area 2/3 x 70 + 1 x 30 over 100.
        Assert.Equal(23.0 / 30, result.Value, 12);
    }

    [Fact]
    public void CustomParametersCutTheAreaAtMaxEfprAndCanIgnoreTheSpread()
    {
        var custom = PsdsParameters.Scenario1 with { AlphaSt = 0, MaxEfpr = 15 };
        var result = Psds.Evaluate(Truth(), OperatingPoints, custom);
        // The scenario 1 curves without the std penalty: 1/2 up to 10, then 1; area 0.5 x 10 + 1 x 5 over 15.
        AssertPoints([(0, 0.5), (10, 1), (30, 1)], result.Roc);
        Assert.Equal(2.0 / 3, result.Value, 12);
        Assert.Same(custom, result.Parameters);
    }

    [Fact]
    public void ClassesWithoutReferenceEventsHaveTruePositiveRateZero()
    {
        // c has no reference events: its TPR is 0 at every point (sed_scores_eval's choice), so the mean halves
        // and the spread is 1/2: eTPR = 0 with alpha_st 1, 1/2 with alpha_st 0.
        var truth = new PsdsGroundTruth(new EventList(["f"], [E("f", 0, 10, "a")]), new Dictionary<string, double> { ["f"] = 3600 }, ["a", "c"]);
        var op = new[] { E("f", 0, 10, "a") };
        Assert.Equal(0, Psds.Evaluate(truth, [op], PsdsParameters.Scenario1).Value, 12);
        Assert.Equal(0.5, Psds.Evaluate(truth, [op], PsdsParameters.Scenario1 with { AlphaSt = 0 }).Value, 12);
        // A detection of c is a false positive (1 per hour of this 1 h file) and, lying on a, a cross-trigger on a
        // (10 s of a: 360 per hour); with one other class its mean CTR is that rate.
        var point = Psds.Evaluate(truth, [[E("f", 0, 10, "a"), E("f", 0, 5, "c")]], PsdsParameters.Scenario2).ClassPoints[1][0];
        Assert.Equal(new PsdRocPoint(1 + 0.5 * 360, 0), point);
    }

    [Fact]
    public void ImpossibleParametersAndInputsAreRefused()
    {
        var truth = Truth();
        Assert.Throws<ArgumentOutOfRangeException>(() => Psds.Evaluate(truth, OperatingPoints, new PsdsParameters { Dtc = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Psds.Evaluate(truth, OperatingPoints, new PsdsParameters { AlphaCt = -0.1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Psds.Evaluate(truth, OperatingPoints, new PsdsParameters { AlphaSt = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Psds.Evaluate(truth, OperatingPoints, new PsdsParameters { MaxEfpr = 0 }));
        Assert.Contains("at least one operating point", Assert.Throws<ArgumentException>(() => Psds.Score(truth, [], PsdsParameters.Scenario1)).Message);
    }

    private static void AssertCounts(PsdsCounts counts, long[] tp, long[] fp, long[][] ct)
    {
        Assert.Equal(tp, counts.TruePositives);
        Assert.Equal(fp, counts.FalsePositives);
        Assert.Equal(ct.Length, counts.CrossTriggers.Count);
        for (int c = 0; c < ct.Length; c++)
            Assert.Equal(ct[c], counts.CrossTriggers[c]);
    }

    private static void AssertPoints((double Efpr, double Tpr)[] expected, IReadOnlyList<PsdRocPoint> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Efpr, actual[i].Efpr, 12);
            Assert.Equal(expected[i].Tpr, actual[i].Tpr, 12);
        }
    }
}
