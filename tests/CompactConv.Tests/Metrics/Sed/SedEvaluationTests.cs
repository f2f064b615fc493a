using System.Text.Json;
using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;

namespace CompactConv.Tests.Metrics.Sed;

public class SedEvaluationTests
{
    private static SoundEvent E(string file, double onset, double offset, string label) => new(file, onset, offset, label);

    // f1: two reference events, two estimated; f2: declared without events, one estimated event;
    // f4: a reference event and no estimate rows; f3: named only by the estimate.
    private static (EventList Reference, EventList Estimate) Lists() =>
    (
        new EventList(["f1", "f2", "f4"], [E("f1", 0, 2, "a"), E("f1", 2.5, 3, "b"), E("f4", 0, 1, "a")]),
        new EventList(["f1", "f2", "f3"], [E("f1", 1.0, 2.2, "a"), E("f1", 2.55, 3.05, "b"), E("f2", 0, 1.5, "b"), E("f3", 0, 1, "a")])
    );

    [Fact]
    public void PairByFile_GivesReferenceFilesThenEstimateOnlyFiles_EachOnce()
    {
        var (reference, estimate) = Lists();
        var pairs = SedEvaluation.PairByFile(reference, estimate).ToList();
        Assert.Equal(["f1", "f2", "f4", "f3"], pairs.Select(p => p.File));
        Assert.Equal([2, 0, 1, 0], pairs.Select(p => p.Reference.Count));
        Assert.Equal([2, 1, 0, 1], pairs.Select(p => p.Estimate.Count));
        Assert.Equal([2.5, 2.55], [pairs[0].Reference[1].Onset, pairs[0].Estimate[1].Onset]);
    }

    [Fact]
    public void EventF1OverPairByFile_AgreesWithEvaluate_IncludingEstimateOnlyFiles()
    {
        // The event F1 that picks epochs and thresholds pairs files the same way: pairing the reference's
        // files only would drop f3's insertion and give 2 x 1 / (3 + 3) = 1/3 instead of 2/7.
        var (reference, estimate) = Lists();
        var metrics = new EventBasedMetrics(["a", "b"]);
        foreach (var pair in SedEvaluation.PairByFile(reference, estimate)) metrics.Evaluate(pair.Reference, pair.Estimate);
        Assert.Equal(2.0 / 7, metrics.Results().Overall.FMeasure, 12);
        Assert.Equal(SedEvaluation.Evaluate(reference, estimate, new SedMetricOptions()).EventBased.Overall.Counts,
            metrics.Results().Overall.Counts);
    }

    [Fact]
    public void FilesArePairedByNameAndUnpairedFilesCountAsMissedOrInserted()
    {
        var (reference, estimate) = Lists();
        var result = SedEvaluation.Evaluate(reference, estimate, new SedMetricOptions());

        // Event-based (collar 0.2, offset collar max(0.2, 0.2 x length)):
        //   f1: b [2.55, 3.05] fits b [2.5, 3] (0.05 at both ends) -> Ntp 1; a [1, 2.2] is 1 s off
        //       the reference onset and fits nothing -> D 1, I 1
        //   f2: I 1; f4: D 1 (all missed); f3: I 1 (estimate-only file)
        // Nref 3, Nsys 4, Ntp 1, S 0, D 2, I 3: P 1/4, R 1/3, F 2/7, ER 5/3.
        var events = result.EventBased;
        Assert.Equal(new SedCounts(3, 4, 1, 0, 2, 3), events.Overall.Counts);
        Assert.Equal(2.0 / 7, events.Overall.FMeasure, 12);
        Assert.Equal(5.0 / 3, events.Overall.ErrorRate, 12);
        Assert.Equal(4, events.FilesEvaluated);
        Assert.Equal(["a", "b"], events.ClassWise.Select(c => c.Label));
        // a: Nref 2, Nsys 2, Ntp 0 -> F 0, ER (2 + 2) / 2; b: Nref 1, Nsys 2, Ntp 1 -> F 2/3, ER 1.
        Assert.Equal(0.0, events.ForClass("a").FMeasure);
        Assert.Equal(2.0, events.ForClass("a").ErrorRate, 12);
        Assert.Equal(2.0 / 3, events.ForClass("b").FMeasure, 12);
        Assert.Equal(1.0 / 3, events.ClassWiseAverage.FMeasure, 12);
        // Onset only changes nothing here: the a pair is already 1 s apart at the onset.
        Assert.Equal(events.Overall.Counts, result.EventBasedOnset.Overall.Counts);

        // Segment-based (1 s): f1 lasts max(3, 3.05) -> 4 segments:
        //   0: ref {a} est {} -> D; 1: {a} {a} -> tp; 2: {b} {a, b} -> tp, I; 3: {} {b} -> I
        //   f2: b [0, 1.5] -> I 2; f4: a [0, 1] -> D 1; f3: a [0, 1] -> I 1
        // Nref 4, Nsys 7, Ntp 2, S 0, D 2, I 5: P 2/7, R 1/2, F 4/11, ER 7/4.
        var segments = result.SegmentBased;
        Assert.Equal(new SedCounts(4, 7, 2, 0, 2, 5), segments.Overall.Counts);
        Assert.Equal(4.0 / 11, segments.Overall.FMeasure, 12);
        Assert.Equal(1.75, segments.Overall.ErrorRate, 12);
    }

    [Fact]
    public void GivenLabelsAreReportedEvenWhenNoEventHasThem()
    {
        var (reference, estimate) = Lists();
        var result = SedEvaluation.Evaluate(reference, estimate, new SedMetricOptions(), ["a", "b", "c"]);
        var c = result.SegmentBased.ForClass("c");
        Assert.Equal((0L, 0L), (c.Reference, c.Estimated));
        Assert.True(double.IsNaN(c.FMeasure));
        Assert.Throws<ArgumentException>(() => SedEvaluation.Evaluate(reference, estimate, new SedMetricOptions(), ["a"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SedEvaluation.Evaluate(reference, estimate, new SedMetricOptions { SegmentSeconds = 0 }));
    }

    [Fact]
    public void JsonHasTheThreeBlocksWithFractionsAndNullWhereUndefined()
    {
        // One reference event, nothing estimated: precision 0/0 and F are undefined -> null.
        var reference = new EventList(["f"], [E("f", 0, 1, "dog")]);
        var estimate = new EventList(["f"], []);
        var json = SedMetricsJson.Serialize(SedEvaluation.Evaluate(reference, estimate, new SedMetricOptions()));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["segment_based", "event_based", "event_based_onset"], root.EnumerateObject().Select(p => p.Name));
        foreach (var block in root.EnumerateObject().Select(p => p.Value))
        {
            Assert.Equal(["overall", "class_wise", "class_wise_average"], block.EnumerateObject().Select(p => p.Name));
            var overall = block.GetProperty("overall");
            Assert.Equal(["f_measure", "precision", "recall", "error_rate", "substitution_rate", "deletion_rate", "insertion_rate"],
                overall.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, overall.GetProperty("precision").ValueKind);
            Assert.Equal(JsonValueKind.Null, overall.GetProperty("f_measure").ValueKind);
            Assert.Equal(0.0, overall.GetProperty("recall").GetDouble());
            Assert.Equal(1.0, overall.GetProperty("deletion_rate").GetDouble(), 12);
            var dog = block.GetProperty("class_wise").GetProperty("dog");
            Assert.Equal(["f_measure", "precision", "recall", "error_rate"], dog.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1.0, dog.GetProperty("error_rate").GetDouble(), 12);
        }
    }
}
