using System.Text.Json;
using CompactConv.Tests.Data;

namespace CompactConv.Tests.Cli;

public class BackboneCommandTests
{
    [Fact]
    public void SummaryOfResnet20PrintsItsPointTwoSevenMillionParameters()
    {
        var result = CliHarness.Run("summary", "--model", "resnet20", "--conv", "standard", "--input", "3x32x32");
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("resnet20 standard, input 3x32x32", lines[0]);
        // MACs: stem 1024 x 27 x 16; stage 1: six 16->16 convs at 32x32; stage 2: 16->32 and five 32->32 at
        // 16x16 plus the 1x1 projection; stage 3 likewise at 8x8; the classifier 64 x 10.
        long macs = 1024L * 27 * 16 + 6 * (1024L * 144 * 16)
            + 256L * 144 * 32 + 5 * (256L * 288 * 32) + 256L * 16 * 32
            + 64L * 288 * 64 + 5 * (64L * 576 * 64) + 64L * 32 * 64 + 640;
        Assert.Equal($"params=272474 macs={macs}", lines[^1]);
    }

    [Theory]
    [InlineData("--clip-grad", "0")]
    [InlineData("--max-minutes", "-1")]
    public void NonPositiveClipOrBudgetIsAUsageErrorNamingTheOption(string option, string value)
    {
        using var folder = new TempFolder();
        var result = CliHarness.Run("train", option, value, "--out", folder.File("run"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.ErrorLines[0]);
    }

    [Fact]
    public void ClipAndBudgetReachTheRunConfigAndAnAmpleBudgetFinishesTheRun()
    {
        using var folder = new TempFolder();
        var data = folder.Folder("data");
        FakeMnist.Write(data, 40, 20);
        var run = folder.File("run");
        var train = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--model", "resnet20", "--conv", "compact",
            "--width", "0.5", "--epochs", "1", "--batch", "20", "--clip-grad", "2.5", "--max-minutes", "600", "--out", run);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.DoesNotContain("time budget", train.Out);
        Assert.Contains("img/s", train.Out);
        var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement.GetProperty("training");
        Assert.Equal(2.5, training.GetProperty("clip_grad_norm").GetDouble());
        Assert.Equal(600, training.GetProperty("max_minutes").GetDouble());
    }
}
