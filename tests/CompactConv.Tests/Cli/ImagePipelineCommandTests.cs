using System.Text.Json;
using CompactConv.Tests.Data;

namespace CompactConv.Tests.Cli;

public class ImagePipelineCommandTests
{
    [Fact]
    public void AugmentationOptionsTrainThroughThePipelineAndReachTheRunConfig()
    {
        using var folder = new TempFolder();
        var data = folder.Folder("data");
        FakeMnist.Write(data, 40, 20);
        var run = folder.File("run");
        var train = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--epochs", "1", "--batch", "20",
            "--crop-padding", "2", "--flip", "--cutout", "4", "--prefetch", "1", "--device", "cpu", "--out", run);
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("pipeline: augmentation crop (pad 2) + flip + cutout 4, prefetch 1", train.Out);
        Assert.Contains("best validation accuracy", train.Out);
        Assert.Contains("scores the test split", train.Out);
        var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement.GetProperty("training");
        var augmentation = training.GetProperty("image_augmentation");
        Assert.Equal(2, augmentation.GetProperty("crop_padding").GetInt32());
        Assert.True(augmentation.GetProperty("horizontal_flip").GetBoolean());
        Assert.Equal(4, augmentation.GetProperty("cutout_size").GetInt32());
        Assert.Equal(1, training.GetProperty("prefetch").GetInt32());
    }

    [Theory]
    [InlineData("--flip")]
    [InlineData("--crop-padding", "4")]
    [InlineData("--prefetch", "0")]
    public void ImagePipelineOptionsAreRefusedForAudioTasks(params string[] option)
    {
        using var folder = new TempFolder();
        var result = CliHarness.Run(["train", "--task", "scenes", "--dataset", "esc50", "--data", folder.Path, .. option, "--out", folder.File("run")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option[0]} applies to --task image only", result.ErrorLines[0]);
    }

    [Theory]
    [InlineData("--prefetch", "17", "--prefetch must be 0 to 16")]
    [InlineData("--cutout", "-1", "--cutout must not be negative")]
    [InlineData("--device", "gpu", "--device: unknown device 'gpu'")]
    public void ImpossibleValuesAreUsageErrorsNamingTheOption(string option, string value, string expected)
    {
        using var folder = new TempFolder();
        var result = CliHarness.Run("train", option, value, "--out", folder.File("run"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.ErrorLines[0]);
        Assert.False(Directory.Exists(folder.File("run")), "nothing is written for a refused command");
    }
}
