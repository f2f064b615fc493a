using System.Text.RegularExpressions;
using CompactConv.Complexity;
using CompactConv.Models;

namespace CompactConv.Tests.Cli;

/// <summary>What the commands print when their output is redirected (as here) or --plain: whole cells, exact TSV, the command's own name.</summary>
public partial class OutputCommandTests
{
    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Theory]
    [InlineData("--help", "compactconv [command] [options]")]
    [InlineData("summary --help", "compactconv summary [options]")]
    [InlineData("bench layers --help", "compactconv bench layers [options]")]
    public void UsageLinesNameTheCommandCompactconv(string args, string usage)
    {
        var result = CliHarness.Run(args.Split(' '));
        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("  " + usage, lines[Array.IndexOf(lines, "Usage:") + 1]);
        Assert.DoesNotContain("CompactConv.Cli", result.Out);
    }

    [Fact]
    public void PlainSummaryPrintsTheLayerTableAsExactTsv()
    {
        var result = CliHarness.Run("summary", "--plain", "--model", "smallcnn", "--input", "1x28x28");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = Lines(result.Out);
        Assert.Equal("smallcnn standard, input 1x28x28", lines[0]);
        Assert.Equal("Layer\tType\tOutput\tParams\tMACs\tOps\tMemory (B)", lines[1]);
        // 3x3 conv from 1 to 32 channels at 28x28: 288 weights, 288 x 784 MACs, 32 x 784 floats of output.
        Assert.Equal("features.stem.conv\tConv2d\t32x28x28\t288\t225,792\t0\t100,352", lines[2]);
        Assert.Equal("features.stem.bn\tBatchNorm2d\t32x28x28\t64\t0\t50,176\t100,352", lines[3]);
        using var model = ModelRegistry.Create(new ModelSpec { Name = "smallcnn", InputShape = [1, 28, 28], NumClasses = 10 });
        var cost = ModelCost.Measure(model, [1, 28, 28]);
        int total = Array.FindIndex(lines, l => l.StartsWith("Total\t", StringComparison.Ordinal));
        Assert.Equal(2 + cost.Layers.Count, total);
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Total\t\t\t{cost.Parameters:N0}\t{cost.Macs:N0}\t{cost.Ops:N0}\t{cost.TotalActivationBytes:N0}"), lines[total]);
        Assert.All(lines[1..(total + 1)], line => Assert.Equal(6, line.Count(c => c == '\t')));
        Assert.StartsWith("Activation memory:", lines[total + 1]);
    }

    [Fact]
    public void RedirectedBenchTableKeepsEveryRowOnOneLineWithWholeNumbers()
    {
        var result = CliHarness.Run("bench", "layers", "--in", "8", "--out", "8", "--size", "8x8", "--batch", "2", "--rounds", "2");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = Lines(result.Out);
        int header = Array.FindIndex(lines, l => l.StartsWith("kind ", StringComparison.Ordinal));
        Assert.Matches("^kind +op +r +params +MACs \\(batch\\) +infer ms +infer / separable +train ms +train / separable$", lines[header]);
        Assert.Matches("^-+$", lines[header + 1]);
        var rows = lines[(header + 2)..(header + 7)];
        Assert.StartsWith("each cell: median [p10-p90]", lines[header + 7]);
        Assert.StartsWith("resident memory:", lines[^1]);
        string[] kinds = ["standard", "separable", "compact", "compact", "squeeze"];
        const string Spread = @"\d+\.\d{2,3} \[\d+\.\d{2,3}-\d+\.\d{2,3}\]";
        for (int i = 0; i < rows.Length; i++)
        {
            // Kind, op (compact only), r, params, MACs, then four "median [p10-p90]" cells, all on one line.
            Assert.Matches($"^{kinds[i]} +({(kinds[i] == "compact" ? "(max|mean) +" : "")})\\d +[\\d,]+ +[\\d,]+ +{Spread} +{Spread} +{Spread} +{Spread}$", rows[i]);
        }
        // A standard 3x3 conv from 8 to 8 channels on 8x8 inputs, batch 2: 576 weights x 64 pixels x 2 MACs
        // (the empty op cell leaves r, params and MACs at 1 to 3).
        Assert.Equal("73,728", rows[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);
    }

    [Theory]
    [InlineData("summary --input 28x28", "--input: '28x28' is not CxHxW (three positive integers separated by x, e.g. 1x28x28)")]
    [InlineData("summary --input 1x28x28x3", "--input: '1x28x28x3' is not CxHxW (three positive integers separated by x, e.g. 1x28x28)")]
    [InlineData("summary --input 1x28xa", "--input: '1x28xa' is not CxHxW (three positive integers separated by x, e.g. 1x28x28)")]
    [InlineData("summary --input 1x+28x28", "--input: '1x+28x28' is not CxHxW (three positive integers separated by x, e.g. 1x28x28)")]
    [InlineData("bench layers --size 32", "--size: '32' is not HxW (two positive integers separated by x, e.g. 32x64)")]
    [InlineData("bench layers --size 0x64", "--size: '0x64' is not HxW (two positive integers separated by x, e.g. 32x64)")]
    public void MalformedShapesAreOneLineUsageErrorsSayingWhatIsExpected(string args, string message)
    {
        var result = CliHarness.Run(args.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: " + message], result.ErrorLines);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AnInputTooSmallForTheModelIsAUsageErrorWithoutLibtorchsStack()
    {
        var result = CliHarness.Run("summary", "--model", "smallcnn", "--input", "1x1x1");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: --input 1x1x1: smallcnn cannot run on this input: ", line);
        Assert.Contains("Output size is too small", line);
        Assert.DoesNotMatch(FramePattern(), result.Error);
        Assert.DoesNotContain("Exception raised from", result.Error);
    }

    [GeneratedRegex(@"frame #\d")]
    private static partial Regex FramePattern();
}
