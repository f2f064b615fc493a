using System.Text.Json;
using CompactConv.Tests.Data.Images;
using SkiaSharp;

namespace CompactConv.Tests.Cli;

public sealed class ImageCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Cifar10()
    {
        string dir = _temp.Folder("cifar");
        FakeCifar.WriteCifar10(dir, [4, 4, 4, 4, 4], 6);
        return dir;
    }

    [Fact]
    public void TrainAndEvalOnCifar10()
    {
        string data = Cifar10();
        string run = _temp.File("run");

        var train = CliHarness.Run("train", "--dataset", "cifar10", "--data", data, "--conv", "compact", "--width", "0.25",
            "--epochs", "1", "--batch", "8", "--out", run);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("data: CIFAR-10 binary (20 train / 6 test, 10 classes)", train.Out);
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;
        Assert.Equal("cifar10", config.GetProperty("dataset").GetString());
        Assert.Equal(3, config.GetProperty("model").GetProperty("input_shape")[0].GetInt32());
        Assert.Equal("airplane", config.GetProperty("class_names")[0].GetString());

        var eval = CliHarness.Run("eval", "--checkpoint", run);
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json"))).RootElement;
        Assert.Equal(6, metrics.GetProperty("samples").GetInt32());
    }

    [Fact]
    public void AFolderRunKeepsItsImageOptionsForEval()
    {
        string data = _temp.Folder("images");
        for (int i = 0; i < 5; i++)
        {
            ImageFiles.Solid(Path.Combine(data, "red", $"{i}.png"), new SKColor((byte)(200 + i), 0, 0));
            ImageFiles.Solid(Path.Combine(data, "blue", $"{i}.jpg"), new SKColor(0, 0, (byte)(200 + i)));
        }
        File.WriteAllText(Path.Combine(data, "red", "bad.png"), "not a png");
        string run = _temp.File("run");

        var train = CliHarness.Run("train", "--dataset", "folders", "--data", data, "--image-size", "12x10", "--grey", "--skip-bad",
            "--test-fraction", "0.4", "--width", "0.25", "--epochs", "1", "--batch", "4", "--seed", "3", "--out", run);

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("note: skipped red/bad.png: not a decodable image", train.Out);
        var imageData = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement.GetProperty("image_data");
        Assert.Equal(12, imageData.GetProperty("height").GetInt32());
        Assert.Equal(10, imageData.GetProperty("width").GetInt32());
        Assert.True(imageData.GetProperty("grey").GetBoolean());
        Assert.Equal(0.4, imageData.GetProperty("test_fraction").GetDouble());
        Assert.Equal(3, imageData.GetProperty("seed").GetInt32());

        // Eval reads the same split (two test images per class) at the same size and colour.
        var eval = CliHarness.Run("eval", "--checkpoint", run);
        Assert.True(eval.ExitCode == 0, eval.Error);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json"))).RootElement;
        Assert.Equal(4, metrics.GetProperty("samples").GetInt32());
        // A standard-conv image run: no pooling op, no group size, no audio devices, so none of those keys.
        Assert.Equal("standard", metrics.GetProperty("conv").GetString());
        Assert.Equal(["task", "model", "conv", "checkpoint", "data", "samples", "accuracy", "macro_accuracy", "log_loss",
            "class_wise_accuracy", "class_names", "confusion_matrix"], metrics.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("cifar10", "--labels", "coarse", "--labels applies to cifar100 only, not cifar10")]
    [InlineData("cifar100", "--labels", "medium", "--labels: unknown label set 'medium' (expected fine or coarse)")]
    [InlineData("cifar10", "--grey", null, "--grey applies to folders only")]
    [InlineData("folders", "--image-size", "3x4x5", "--image-size: '3x4x5' is not N or HxW")]
    public void MisusedImageOptionsAreUsageErrors(string dataset, string option, string? value, string message)
    {
        string data = Cifar10();
        string[] args = ["train", "--dataset", dataset, "--data", data, "--epochs", "1", "--out", _temp.File("run"), option];
        if (value is not null) args = [.. args, value];

        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {message}", result.Error);
    }

    [Theory]
    [InlineData("scenes", "--grey", null)]
    [InlineData("events", "--image-size", "16")]
    [InlineData("scenes", "--labels", "fine")]
    public void ImageOptionsAreRefusedForAudioTasks(string task, string option, string? value)
    {
        string[] args = ["train", "--task", task, "--dataset", "folders", "--data", _temp.Path, "--out", _temp.File("run"), option];
        if (value is not null) args = [.. args, value];

        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"error: {option} applies to --task image only, not {task}"], result.ErrorLines);
    }

    [Fact]
    public void ABrokenCifarFileIsOneLineNamingIt()
    {
        string data = Cifar10();
        string path = Path.Combine(data, "data_batch_4.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        var result = CliHarness.Run("train", "--dataset", "cifar10", "--data", data, "--epochs", "1", "--out", _temp.File("run"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"error: {path}: 100 bytes is not a whole number of 3073-byte CIFAR-10 binary records: 0 records and 100 trailing bytes (a cut-off or wrong file?)"], result.ErrorLines);
    }

    [Fact]
    public void BenchDataReportsImagesPerSecondOfThePipeline()
    {
        string data = Cifar10();

        var result = CliHarness.Run("bench", "data", "--dataset", "cifar10", "--data", data, "--batch", "8",
            "--crop-padding", "4", "--flip", "--cutout", "8", "--epochs", "2", "--rounds", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("data: CIFAR-10 binary (20 train / 6 test, 10 classes)", result.Out);
        Assert.Contains("pipeline: batch 8, prefetch 2, augmentation crop (pad 4) + flip + cutout 8", result.Out);
        foreach (int round in new[] { 1, 2, 3 })
            Assert.Matches($@"round {round}/3: 40 images in 6 batches, [0-9.]+ s: [0-9]+ images/s", result.Out);
        Assert.Contains("3 rounds after 0 warm-up", result.Out);
        Assert.Matches(@"images/s: median [0-9]+, p10-p90 [0-9]+-[0-9]+, min-max [0-9]+-[0-9]+ over 3 rounds", result.Out);
    }

    [Fact]
    public void BenchDataRefusesZeroRounds()
    {
        var result = CliHarness.Run("bench", "data", "--dataset", "cifar10", "--data", Cifar10(), "--rounds", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --rounds must be at least 1, got 0", result.Error);
    }

    [Fact]
    public void BenchDataRefusesAnImpossiblePrefetch()
    {
        var result = CliHarness.Run("bench", "data", "--dataset", "cifar10", "--data", Cifar10(), "--prefetch", "99");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --prefetch must be 0 to 16, got 99", result.Error);
    }
}
