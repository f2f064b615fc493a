using System.Globalization;
using System.Text.RegularExpressions;

namespace CompactConv.Tests.Cli;

public partial class BenchInferenceCommandTests
{
    [GeneratedRegex(@"largest \|torch - onnx\| (\S+)")]
    private static partial Regex Difference();

    [Fact]
    public void BothEnginesAreTimedOnTheSameGraphWithARatioToTorch()
    {
        var result = CliHarness.Run("bench", "inference", "--model", "smallcnn", "--conv", "compact", "--op", "mean", "--width", "0.25",
            "--rounds", "2", "--warmup", "0", "--plain");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("smallcnn compact(mean, r=2) width 0.25, input [1, 1, 28, 28]: params ", result.Out);
        var difference = Difference().Match(result.Out);
        Assert.True(difference.Success, result.Out);
        Assert.InRange(double.Parse(difference.Groups[1].Value, CultureInfo.InvariantCulture), 0, 1e-4);
        var rows = result.Out.Split('\n').Select(line => line.Split('\t')).Where(cells => cells[0] is "torch" or "onnx").ToList();
        Assert.Equal(["torch", "onnx"], rows.Select(cells => cells[0]));
        Assert.StartsWith("1.000", rows[0][3]);
    }

    [Fact]
    public void AnUnknownEngineIsAUsageError()
    {
        var result = CliHarness.Run("bench", "inference", "--engine", "tflite");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --engine: unknown engine 'tflite' (expected both, torch, onnx)", result.Error.Trim());
    }
}
