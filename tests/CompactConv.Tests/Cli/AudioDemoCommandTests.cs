using CompactConv.Tests.Pipelines;

namespace CompactConv.Tests.Cli;

/// <summary><c>compactconv demo --task scenes|events</c>: options, output and errors.</summary>
public sealed class AudioDemoCommandTests : IDisposable
{
    private readonly AudioDemoSamples samples = new();
    private readonly TempFolder output = new();

    public void Dispose()
    {
        samples.Dispose();
        output.Dispose();
    }

    [Fact]
    public void SceneDemoPrintsItsStepsAndTableAndWritesTheResults()
    {
        string outDir = output.File("scenes");

        var run = CliHarness.Run("demo", "--task", "scenes", "--quick", "--data", samples.Dir, "--soundscapes", "32", "--epochs", "2", "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"soundscapes: synthesised 32 into {Path.Combine(outDir, "soundscapes")}", run.Out);
        Assert.Contains("16 train / 8 validation / 8 test clips", run.Out);
        Assert.Contains("validation", run.Out);
        Assert.Contains($"wrote {Path.Combine(outDir, "results.csv")} and {Path.Combine(outDir, "report.md")}", run.Out);
        var lines = File.ReadAllLines(Path.Combine(outDir, "results.csv"));
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",2", lines[1]); // the epochs column: --epochs reached every run
    }

    [Theory]
    [InlineData(new[] { "demo", "--task", "sounds" }, "--task: unknown task 'sounds' (expected image, scenes or events)")]
    [InlineData(new[] { "demo", "--soundscapes", "10" }, "--soundscapes applies to --task scenes or events only, not image")]
    [InlineData(new[] { "demo", "--task", "events", "--epochs", "0" }, "--epochs must be at least 1, got 0")]
    [InlineData(new[] { "demo", "--task", "scenes", "--soundscapes", "0" }, "--soundscapes must be from 1 to 100000, got 0")]
    public void ImpossibleOptionsAreOneLineUsageErrors(string[] args, string message)
    {
        var run = CliHarness.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {message}", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void AMissingSampleFolderIsADataErrorNamingTheSpec()
    {
        string missing = output.File("no-samples");

        var run = CliHarness.Run("demo", "--task", "events", "--data", missing, "--out", output.File("events"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {Path.Combine(missing, "events-demo.json")}: missing", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(output.File("events")));
    }
}
