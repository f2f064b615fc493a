using System.Text.Json.Nodes;
using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;
using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// One definition of each figure: <c>eval</c> of an events run and <c>sed-metrics</c> on the files it
/// writes (and on the test annotation itself) give the same numbers, on a test split whose annotation
/// has overlapping same-label events.
/// </summary>
[Collection(ToneEventRunCollection.Name)]
public sealed class EventScoringAgreementTests(ToneEventRun tone)
{
    private static readonly string[] SedBlocks = ["segment_based", "event_based", "event_based_onset"];

    [Fact]
    public void EvalScoresTheAnnotationAsWrittenAndSedMetricsGivesTheSameFigures()
    {
        Assert.True(tone.Train.ExitCode == 0, tone.Train.Error);
        var eval = CliHarness.Run("eval", "--checkpoint", tone.Run, "--cache", tone.Cache, "--best");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(tone.Run, "metrics.json")))!;
        Assert.False((bool)metrics["merge_reference"]!);

        // The reference eval wrote is the annotation, row for row: overlaps kept, order kept.
        var written = EventListTsv.Read(Path.Combine(tone.Run, "test_reference.tsv"));
        Assert.Equal(tone.TestEvents, written.Events);
        Assert.Equal(tone.TestFiles.Order(StringComparer.Ordinal), written.Files.Order(StringComparer.Ordinal));

        string estimate = Path.Combine(tone.Run, "test_estimate.tsv");
        foreach (string reference in new[] { tone.AnnotationPath, Path.Combine(tone.Run, "test_reference.tsv") })
        {
            var scored = CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate);
            Assert.True(scored.ExitCode == 0, scored.Error);
            var fromCli = JsonNode.Parse(scored.Out)!;
            foreach (string block in SedBlocks.Append("merge_reference"))
                Assert.True(JsonNode.DeepEquals(metrics[block], fromCli[block]), $"{block}: eval {metrics[block]} sed-metrics {fromCli[block]}");
        }

        // The overlaps matter: against the merged annotation the event-based figures differ, so a pipeline
        // that merged (as the loader does for training targets) would fail the comparison above.
        var annotation = EventListTsv.Read(tone.AnnotationPath);
        var merged = SedEvaluation.Evaluate(EventOverlaps.Merge(annotation), EventListTsv.Read(estimate), new SedMetricOptions(), ["high", "low"]);
        Assert.Equal(annotation.Events.Count - ToneEventRun.OverlappingTestClips, merged.EventBased.Overall.Counts.Reference);
        Assert.NotEqual(merged.EventBased.Overall.FMeasure, (double)metrics["event_based"]!["overall"]!["f_measure"]!);

        // PSDS is undefined on overlapping same-label references; eval says so instead of failing.
        Assert.Null(metrics["psds"]);
        Assert.Contains("overlap", (string?)metrics["psds_unavailable"]);
        Assert.Contains("EventOverlaps.Merge(list) merges them", (string?)metrics["psds_unavailable"]);
        Assert.Contains("PSDS not computed", eval.Out);
    }

    [Fact]
    public void WithMergeReferenceEvalAndSedMetricsAgreeOnEveryFigureIncludingPsds()
    {
        Assert.True(tone.Train.ExitCode == 0, tone.Train.Error);
        var eval = CliHarness.Run("eval", "--checkpoint", tone.Run, "--cache", tone.Cache, "--best", "--merge-reference");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(tone.Run, "metrics.json")))!;
        Assert.True((bool)metrics["merge_reference"]!);
        Assert.Equal(EventOverlaps.Merge(EventListTsv.Read(tone.AnnotationPath)).Events,
            EventListTsv.Read(Path.Combine(tone.Run, "test_reference.tsv")).Events);

        var scored = CliHarness.Run(["sed-metrics", "--reference", tone.AnnotationPath, "--merge-reference",
            "--estimate", Path.Combine(tone.Run, "test_estimate.tsv"),
            "--psds", "--scores", Path.Combine(tone.Run, "test_scores"), "--durations", Path.Combine(tone.Run, "test_durations.tsv"),
            .. ToneEventRun.PostProcessing]);
        Assert.True(scored.ExitCode == 0, scored.Error);
        var fromCli = JsonNode.Parse(scored.Out)!;
        foreach (string block in SedBlocks.Append("merge_reference").Append("psds"))
            Assert.True(JsonNode.DeepEquals(metrics[block], fromCli[block]), $"{block}: eval {metrics[block]} sed-metrics {fromCli[block]}");

        var psds = metrics["psds"]!;
        Assert.Equal(50, (int)psds["operating_points"]!);
        // Neither scenario is trivially 0 or 1 here, so the agreement above compares real curves.
        foreach (string scenario in new[] { "scenario1", "scenario2" })
            Assert.InRange((double)psds[scenario]!["value"]!, 0.01, 0.99);
        Assert.Equal(0.5, (double)psds["scenario2"]!["alpha_ct"]!);
        Assert.Contains("PSDS (scenario1 ", eval.Out);
    }
}
