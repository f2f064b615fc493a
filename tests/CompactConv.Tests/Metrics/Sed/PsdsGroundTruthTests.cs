using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Tests.Metrics.Sed;

public class PsdsGroundTruthTests
{
    private static SoundEvent E(string file, double onset, double offset, string label) => new(file, onset, offset, label);

    private static readonly Dictionary<string, double> TenSeconds = new() { ["f"] = 10 };

    [Fact]
    public void ZeroLengthReferenceEventsAreLeftOutAndDetectionsOutsideTheFileAreNoFalsePositives()
    {
        var truth = new PsdsGroundTruth(new EventList(["f"], [E("f", 1, 3, "a"), E("f", 5, 5, "a")]), TenSeconds, ["a"]);
        Assert.Equal([1L], truth.EventCounts);
        Assert.Equal([2.0], truth.EventSeconds);

        // [1, 3] detects the event; [12, 14] lies after the file's 10 s, where psds_eval has nothing to count it
        // against; [4, 6] is a false positive (the zero-length event cannot be hit); [7, 7] has no length and is ignored.
        var counts = truth.Count([E("f", 1, 3, "a"), E("f", 4, 6, "a"), E("f", 7, 7, "a"), E("f", 12, 14, "a")], PsdsParameters.Scenario1);
        Assert.Equal([1L], counts.TruePositives);
        Assert.Equal([1L], counts.FalsePositives);
    }

    [Fact]
    public void SeveralDetectionsMayTogetherCoverOneEvent()
    {
        // Each detection lies wholly on the event (DTC met) but covers 0.4 of it; together 0.8 meet the GTC of 0.7.
        var truth = new PsdsGroundTruth(new EventList(["f"], [E("f", 0, 5, "a")]), TenSeconds, ["a"]);
        Assert.Equal([1L], truth.Count([E("f", 0, 2, "a"), E("f", 3, 5, "a")], PsdsParameters.Scenario1).TruePositives);
        Assert.Equal([0L], truth.Count([E("f", 0, 2, "a")], PsdsParameters.Scenario1).TruePositives);
        // A detection spanning two events: 2 s of its 3 s lie on them (DTC 0.67 < 0.7 fails, passes 0.5).
        var two = new PsdsGroundTruth(new EventList(["f"], [E("f", 0, 1, "a"), E("f", 2, 3, "a")]), TenSeconds, ["a"]);
        Assert.Equal([1L], two.Count([E("f", 0, 3, "a")], PsdsParameters.Scenario1).FalsePositives);
        Assert.Equal([2L], two.Count([E("f", 0, 3, "a")], new PsdsParameters { Dtc = 0.5, Gtc = 0.5 }).TruePositives);
    }

    [Fact]
    public void DurationsMustCoverExactlyTheReferenceFiles()
    {
        var reference = new EventList(["f", "g", "h"], [E("f", 0, 1, "a")]);
        Assert.Null(PsdsGroundTruth.DurationProblem(reference, new Dictionary<string, double> { ["f"] = 1, ["g"] = 2, ["h"] = 3 }));
        Assert.Equal("no duration for g (and 1 more reference file)", PsdsGroundTruth.DurationProblem(reference, new Dictionary<string, double> { ["f"] = 1 }));
        Assert.Equal("a duration for x, which the reference does not name",
            PsdsGroundTruth.DurationProblem(reference, new Dictionary<string, double> { ["f"] = 1, ["g"] = 2, ["h"] = 3, ["x"] = 4 }));
        Assert.Equal("the duration of g is 0, not a positive number of seconds",
            PsdsGroundTruth.DurationProblem(reference, new Dictionary<string, double> { ["f"] = 1, ["g"] = 0, ["h"] = 3 }));
        Assert.Throws<ArgumentException>(() => new PsdsGroundTruth(reference, TenSeconds, ["a"]));
    }

    [Fact]
    public void OverlapsUnknownLabelsAndStrangeFilesAreRefused()
    {
        var overlapping = new EventList(["f"], [E("f", 0, 2, "a"), E("f", 1, 3, "a")]);
        var error = Assert.Throws<ArgumentException>(() => new PsdsGroundTruth(overlapping, TenSeconds, ["a"]));
        Assert.Equal("reference events of one label overlap, which PSDS does not define: f 'a' 0-2 s and 1-3 s", error.Message);

        var truth = new PsdsGroundTruth(new EventList(["f"], [E("f", 0, 1, "a")]), TenSeconds, ["a", "b"]);
        Assert.Contains("estimated events of one label overlap", Assert.Throws<ArgumentException>(() =>
            truth.Count([E("f", 0, 2, "b"), E("f", 1, 3, "b")], PsdsParameters.Scenario1)).Message);
        Assert.Contains("'c'", Assert.Throws<ArgumentException>(() => truth.Count([E("f", 0, 2, "c")], PsdsParameters.Scenario1)).Message);
        Assert.Contains("not a file of the reference", Assert.Throws<ArgumentException>(() => truth.Count([E("g", 0, 2, "a")], PsdsParameters.Scenario1)).Message);
        Assert.Throws<ArgumentException>(() => new PsdsGroundTruth(new EventList(["f"], [E("f", 0, 1, "c")]), TenSeconds, ["a"]));
        Assert.Throws<ArgumentException>(() => new PsdsGroundTruth(new EventList(["f"], []), TenSeconds, ["a", "a"]));
        Assert.Throws<ArgumentException>(() => new PsdsGroundTruth(new EventList(["f"], []), TenSeconds, []));
    }
}
