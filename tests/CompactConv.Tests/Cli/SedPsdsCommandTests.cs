using System.Text.Json.Nodes;
using CompactConv.Models;
using CompactConv.Training;

namespace CompactConv.Tests.Cli;

/// <summary><c>sed-metrics --merge-reference</c> and <c>--psds</c>, with values worked out by hand, and their error paths.</summary>
public sealed class SedPsdsCommandTests : IDisposable
{
    private const string Header = "filename\tonset\toffset\tevent_label\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void MergeReferenceIsOffByDefaultAndRecorded()
    {
        // Two overlapping dog events; the system reports one event over both.
        string reference = Write("ref.tsv", Header + "f.wav\t0\t2\tdog\nf.wav\t1\t3\tdog\n");
        string estimate = Write("est.tsv", Header + "f.wav\t0\t3\tdog\n");

        var asWritten = Json(CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate));
        var merged = Json(CliHarness.Run("sed-metrics", "--reference", reference, "--estimate", estimate, "--merge-reference"));

        // As written, the estimate matches neither reference event (0-2: offset 1 s off, beyond the 0.4 s collar;
        // 1-3: onset 1 s off), so recall 0; merged into 0-3, it matches the one.
        Assert.False((bool)asWritten["merge_reference"]!);
        Assert.Equal(0.0, (double)asWritten["event_based"]!["overall"]!["recall"]!);
        Assert.True((bool)merged["merge_reference"]!);
        Assert.Equal(1.0, (double)merged["event_based"]!["overall"]!["recall"]!);
        Assert.Null(merged["psds"]);
    }

    [Fact]
    public void PsdsOfAScoredEventList()
    {
        // 360 s of audio, so a false positive is 10 per hour. a is found at once (score 0.9); b only at score 0.4,
        // after a false positive of each class.
        string reference = Write("ref.tsv", Header + "f.wav\t10\t20\ta\nf.wav\t30\t40\tb\n");
        string scored = Write("scored.tsv", Header.TrimEnd('\n') + "\tscore\n" +
            "f.wav\t10\t20\ta\t0.9\nf.wav\t100\t110\ta\t0.6\nf.wav\t200\t210\tb\t0.5\nf.wav\t30\t40\tb\t0.4\n");
        string durations = Write("meta.tsv", "filename\tduration\nf.wav\t360\n");

        var result = Json(CliHarness.Run("sed-metrics", "--reference", reference, "--psds", "--scored-events", scored, "--durations", durations,
            "--alpha-st", "0", "--max-efpr", "20"));

        // a: TPR 1 from eFPR 0; b: 0 until its point (10, 1). alpha_st 1: eTPR 1/2 - 1/2 = 0 up to 10, then 1:
        // area 90 of 100. Custom (alpha_st 0, max_efpr 20): 1/2 x 10 + 1 x 10 over 20.
        var psds = result["psds"]!;
        Assert.Equal(4, (int)psds["operating_points"]!);
        Assert.Null(psds["thresholds"]);
        Assert.Equal(0.9, (double)psds["scenario1"]!["value"]!, 12);
        Assert.Equal(0.9, (double)psds["scenario2"]!["value"]!, 12);
        Assert.Equal(0.75, (double)psds["custom"]!["value"]!, 12);
        Assert.Equal(0.5, (double)psds["custom"]!["dtc"]!);
        Assert.Null(result["event_based"]);
    }

    [Fact]
    public void PsdsOfFrameScoresUsesTheThresholdsPostProcessingAndDurationsAsked()
    {
        // Frames of 0.5 s; a's scores 0.9 0.9 0.1 0.6 0.6 0.1; the reference has a only at 1.5-2.5 s.
        string reference = Write("ref.tsv", Header + "f.wav\t1.5\t2.5\ta\n");
        string scores = _folder.Folder("scores");
        File.WriteAllText(Path.Combine(scores, "f.tsv"), "onset\toffset\ta\n0\t0.5\t0.9\n0.5\t1\t0.9\n1\t1.5\t0.1\n1.5\t2\t0.6\n2\t2.5\t0.6\n2.5\t3\t0.1\n");
        string[] common = ["sed-metrics", "--reference", reference, "--psds", "--scores", scores, "--psds-thresholds", "2", "--alpha-st", "0", "--max-efpr", "2400"];

        // Thresholds 0.25 and 0.75: 0-1 s, a false positive, at both; 1.5-2.5 s, the event, at 0.25 only. The file's
        // length is its last offset, 3 s: one false positive is 1200 per hour, and TPR 1 is reached there: 1200 of 2400.
        var byLastOffset = Json(CliHarness.Run(common));
        Assert.Equal(0.5, (double)byLastOffset["psds"]!["custom"]!["value"]!, 12);
        Assert.Equal(2, (int)byLastOffset["psds"]!["thresholds"]!);
        // A 6 s file halves the rate: 1800 of 2400.
        string durations = Write("meta.tsv", "filename\tduration\nf.wav\t6\n");
        Assert.Equal(0.75, (double)Json(CliHarness.Run([.. common, "--durations", durations]))["psds"]!["custom"]!["value"]!, 12);
        // Events shorter than 1.5 s are dropped: nothing is detected.
        var filtered = Json(CliHarness.Run([.. common, "--min-event", "1.5"]));
        Assert.Equal(0.0, (double)filtered["psds"]!["custom"]!["value"]!);
        Assert.Equal(1.5, (double)filtered["psds"]!["post_processing"]!["min_event_seconds"]!);
    }

    [Theory]
    [InlineData("give --estimate", "--reference", "REF")]
    [InlineData("--scores applies only with --psds", "--reference", "REF", "--estimate", "REF", "--scores", "x")]
    [InlineData("--median-filter, --min-event and --min-gap applies only with --psds", "--reference", "REF", "--estimate", "REF", "--min-gap", "1")]
    [InlineData("--psds needs one input", "--reference", "REF", "--psds")]
    [InlineData("--psds needs one input", "--reference", "REF", "--psds", "--scores", "x", "--scored-events", "y")]
    [InlineData("--scored-events needs --durations", "--reference", "REF", "--psds", "--scored-events", "y")]
    [InlineData("do not apply to --scored-events", "--reference", "REF", "--psds", "--scored-events", "y", "--durations", "z", "--median-filter", "1")]
    [InlineData("--psds-thresholds must be at least 1, got 0", "--reference", "REF", "--psds", "--scores", "x", "--psds-thresholds", "0")]
    [InlineData("--dtc must be between 0 and 1, got 2", "--reference", "REF", "--psds", "--scores", "x", "--dtc", "2")]
    [InlineData("--max-efpr must be positive, got 0", "--reference", "REF", "--psds", "--scores", "x", "--max-efpr", "0")]
    public void OptionsThatDoNotFitAreUsageErrors(string message, params string[] args)
    {
        string reference = Write("ref.tsv", Header + "f.wav\t0\t1\ta\n");
        var result = CliHarness.Run(["sed-metrics", .. args.Select(a => a == "REF" ? reference : a)]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void FilesThatDoNotFitAreDataErrorsNamingTheFile()
    {
        string overlapping = Write("overlapping.tsv", Header + "f.wav\t0\t2\ta\nf.wav\t1\t3\ta\n");
        string reference = Write("ref.tsv", Header + "f.wav\t0\t1\ta\ng.wav\t\t\t\n");
        string scored = Write("scored.tsv", Header.TrimEnd('\n') + "\tscore\nf.wav\t0\t1\ta\t0.5\n");
        string durations = Write("meta.tsv", "filename\tduration\nf.wav\t10\n");

        var overlap = CliHarness.Run("sed-metrics", "--reference", overlapping, "--psds", "--scored-events", scored, "--durations", durations);
        Assert.Equal(1, overlap.ExitCode);
        Assert.Equal($"error: {overlapping}: reference events of one label overlap, which PSDS does not define: f.wav 'a' 0-2 s and 1-3 s; --merge-reference merges them",
            Assert.Single(overlap.ErrorLines));
        // Merged, the same files fit.
        Assert.Equal(0, CliHarness.Run("sed-metrics", "--reference", overlapping, "--merge-reference", "--psds", "--scored-events", scored, "--durations", durations).ExitCode);

        var missing = CliHarness.Run("sed-metrics", "--reference", reference, "--psds", "--scored-events", scored, "--durations", durations);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"error: {durations}: no duration for g.wav", Assert.Single(missing.ErrorLines));

        string stranger = Write("stranger.tsv", Header.TrimEnd('\n') + "\tscore\nh.wav\t0\t1\ta\t0.5\n");
        var strange = CliHarness.Run("sed-metrics", "--reference", reference, "--psds", "--scored-events", stranger, "--durations", durations);
        Assert.Equal(1, strange.ExitCode);
        Assert.StartsWith($"error: {stranger}: names h.wav, which the reference", Assert.Single(strange.ErrorLines));
    }

    [Fact]
    public void MergeReferenceOnEvalIsForEventRunsOnly()
    {
        string run = _folder.Folder("run");
        var config = new RunConfig
        {
            Dataset = "mnist",
            Model = new ModelSpec { Name = "smallcnn", InputShape = [1, 28, 28], NumClasses = 10 },
            ClassNames = Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Normalization = new Normalization([0.0], [1.0]),
            Training = new TrainingOptions(),
        };
        File.WriteAllText(Path.Combine(run, "config.json"), config.ToJson());

        var result = CliHarness.Run("eval", "--checkpoint", run, "--merge-reference");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --merge-reference applies to events runs only, not this image run", Assert.Single(result.ErrorLines));
    }

    private string Write(string name, string text)
    {
        string path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonNode Json(CliHarness.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Out)!;
    }
}
