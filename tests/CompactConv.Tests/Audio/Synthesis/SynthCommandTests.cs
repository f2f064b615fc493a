using CompactConv.Tests.Cli;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthCommandTests
{
    [Fact]
    public void SynthWritesTheSetAndPrintsProgressAndASummary()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 12;
        var outDir = fixture.Folder.File("out");
        var result = CliHarness.Run("synth", "--spec", fixture.WriteSpec(), "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["synth: 10/12 soundscapes", "synth: 12/12 soundscapes"], lines.Where(l => l.StartsWith("synth:")).ToArray());
        Assert.StartsWith($"wrote 12 soundscapes (train 8, test 4) in the tau layout to {outDir}: ", lines[^1]);
        Assert.Equal(12, Directory.GetFiles(Path.Combine(outDir, "audio"), "*.wav").Length);
        Assert.True(File.Exists(Path.Combine(outDir, "synth_report.json")));
    }

    [Fact]
    public void LayoutOptionOverridesTheSpecAndTheSummaryNamesEverySplit()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 10;
        fixture.Split(0.2, 0.2);
        var outDir = fixture.Folder.File("out");
        var result = CliHarness.Run("synth", "--spec", fixture.WriteSpec(), "--out", outDir, "--layout", "urbansed");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith($"wrote 10 soundscapes (train 6, validate 2, test 2) in the urbansed layout to {outDir}: ", result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(outDir, "audio", "validate"), "*.wav").Length);
        Assert.True(File.Exists(Path.Combine(outDir, "metadata", "validate.tsv")));

        var bad = CliHarness.Run("synth", "--spec", fixture.SpecPath, "--out", fixture.Folder.File("other"), "--layout", "dcase");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("dcase", bad.Error);
    }

    [Fact]
    public void AMalformedSpecExitsWithOneErrorLineNamingIt()
    {
        using var fixture = new SynthFixture();
        File.WriteAllText(fixture.SpecPath, "{ \"count\": 10, }}");
        var outDir = fixture.Folder.File("out");
        var result = CliHarness.Run("synth", "--spec", fixture.SpecPath, "--out", outDir);
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: {fixture.SpecPath}: malformed JSON at line 1", error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void SpecAndOutAreRequired()
    {
        var result = CliHarness.Run("synth", "--spec", "x.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error);
    }
}
