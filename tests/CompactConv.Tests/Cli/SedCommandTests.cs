using System.Text.Json;
using CompactConv.Tests.Reports;

namespace CompactConv.Tests.Cli;

public class SedCommandTests
{
    private const string Header = "filename\tonset\toffset\tevent_label\n";

    private static (string Reference, string Estimate) WriteLists(TempFolder folder)
    {
        var reference = folder.File("ref.tsv");
        var estimate = folder.File("est.tsv");
        File.WriteAllText(reference, Header + "f1.wav\t0\t2\ta\nf1.wav\t2.5\t3\tb\nf2.wav\t\t\t\n");
        File.WriteAllText(estimate, Header + "f1.wav\t1.0\t2.2\ta\n");
        return (reference, estimate);
    }

    [Fact]
    public void SedMetricsPrintsTheThreeBlocksAsJson()
    {
        using var folder = new TempFolder();
        var (reference, estimate) = WriteLists(folder);
        var result = CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate);
        Assert.True(result.ExitCode == 0, result.Error);

        using var document = JsonDocument.Parse(result.Out);
        // Segment-based, as in SegmentBasedMetricsTests: P 1/2, R 1/3, F 0.4, ER 2/3 (f2 adds nothing).
        var segment = document.RootElement.GetProperty("segment_based").GetProperty("overall");
        Assert.Equal(0.4, segment.GetProperty("f_measure").GetDouble(), 12);
        Assert.Equal(2.0 / 3, segment.GetProperty("error_rate").GetDouble(), 12);
        // Class b is never estimated: its precision is undefined.
        var b = document.RootElement.GetProperty("segment_based").GetProperty("class_wise").GetProperty("b");
        Assert.Equal(JsonValueKind.Null, b.GetProperty("precision").ValueKind);
        // Event-based: the a estimate starts 1 s late; nothing is correct. With a 1 s collar and
        // offset ratio 1 (offset collar = the 2 s length) it is: 1 hit out of 2 reference events.
        Assert.Equal(0.0, document.RootElement.GetProperty("event_based").GetProperty("overall").GetProperty("f_measure").GetDouble());
        var loose = CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate, "--collar", "1", "--offset-ratio", "1", "--segment", "0.5");
        Assert.True(loose.ExitCode == 0, loose.Error);
        using var looseDocument = JsonDocument.Parse(loose.Out);
        Assert.Equal(0.5, looseDocument.RootElement.GetProperty("event_based").GetProperty("overall").GetProperty("recall").GetDouble());
    }

    [Theory]
    [InlineData("--segment", "0", "--segment")]
    [InlineData("--collar", "-0.1", "--collar")]
    [InlineData("--offset-ratio", "2", "--offset-ratio")]
    public void BadOptionsAreUsageErrors(string option, string value, string named)
    {
        using var folder = new TempFolder();
        var (reference, estimate) = WriteLists(folder);
        var result = CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains(named, result.Error);
    }

    [Fact]
    public void ABadListIsADataErrorNamingFileAndLine()
    {
        using var folder = new TempFolder();
        var (reference, _) = WriteLists(folder);
        var estimate = folder.File("bad.tsv");
        File.WriteAllText(estimate, Header + "f1.wav\t1\t2\ta\nf1.wav\tsoon\t2\ta\n");
        var result = CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {estimate}: 1 problem: line 3: onset 'soon' is not a number", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void PlotEventsWritesAPngAndRefusesAnUnknownFile()
    {
        using var folder = new TempFolder();
        var (reference, estimate) = WriteLists(folder);
        var png = folder.File("roll.png");
        var result = CliHarness.Run("plot-events", "--reference", reference, "--estimate", estimate, "--file", "f1.wav", "--out", png);
        Assert.True(result.ExitCode == 0, result.Error);
        var roll = EventRollImage.Load(png);
        // Two classes: 1000 x max(320, 56 x 2 + 200).
        Assert.Equal((1000, 320), (roll.Width, roll.Height));
        // f1.wav: a from 0 to 2 s (top row) and b from 2.5 to 3 s as reference; a from 1 to 2.2 s as estimate.
        Assert.Equal(2, roll.Reference.Count);
        EventRollImage.AssertSpans(roll.Reference[1], 2.5, 3, roll.Reference[0], 0, 2);
        EventRollImage.AssertSpans(Assert.Single(roll.Estimate), 1, 2.2, roll.Reference[0], 0, 2);

        // A file declared without events is still a file of the list.
        Assert.Equal(0, CliHarness.Run("plot-events", "--reference", reference, "--estimate", estimate, "--file", "f2.wav", "--out", png).ExitCode);

        var unknown = CliHarness.Run("plot-events", "--reference", reference, "--estimate", estimate, "--file", "f9.wav", "--out", folder.File("x.png"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'f9.wav'", Assert.Single(unknown.ErrorLines));
        Assert.False(File.Exists(folder.File("x.png")));
    }

    [Fact]
    public void BenchSedMetricsPrintsTheMedianAndSpread()
    {
        var result = CliHarness.Run("bench", "sed-metrics", "--files", "20", "--events", "5", "--rounds", "3");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"^100 reference and 100 estimated events in 20 files: median \d+\.\d ms, p10-p90 \d+\.\d-\d+\.\d ms over 3 runs \(\d+\.\d, \d+\.\d, \d+\.\d\)", result.Out);
        Assert.Contains("3 rounds after 1 warm-up", result.Out);
        Assert.Equal(2, CliHarness.Run("bench", "sed-metrics", "--rounds", "0").ExitCode);
    }
}
