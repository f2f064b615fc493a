using System.Text.Json;
using CompactConv.Data;
using CompactConv.Tests.Data;
using CompactConv.Tests.Data.Images;
using SkiaSharp;

namespace CompactConv.Tests.Cli;

/// <summary>A small image run trained once on the separable fake MNIST set (class k: a bright block at place k).</summary>
public sealed class SeparableImageRun : IDisposable
{
    public TempFolder Folder { get; } = new();

    public string Run { get; }

    public SeparableImageRun()
    {
        string data = Folder.Folder("data");
        FakeMnist.WriteSeparable(data, 300, 50);
        Run = Folder.File("run");
        var train = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--model", "smallcnn", "--width", "0.25",
            "--optimizer", "adamw", "--lr", "0.003", "--epochs", "4", "--batch", "20", "--out", Run);
        if (train.ExitCode != 0) throw new InvalidOperationException(train.Error);
    }

    /// <summary>Class <paramref name="label"/>'s block (as FakeMnist draws it) at <paramref name="scale"/> times the size, without noise.</summary>
    public static bool InBlock(int label, int x, int y, int scale = 1)
    {
        int top = label / 3 * 7, left = label % 3 * 9;
        return y / scale >= top && y / scale < top + 7 && x / scale >= left && x / scale < left + 7;
    }

    public void Dispose() => Folder.Dispose();
}

public sealed class ImagePredictCommandTests(SeparableImageRun fixture) : IClassFixture<SeparableImageRun>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Png(string name, int label, int scale, SKColor block) =>
        ImageFiles.Write(_temp.File(name), 28 * scale, 28 * scale, (x, y) => SeparableImageRun.InBlock(label, x, y, scale) ? block : SKColors.Black);

    private string Idx(string name, int[] shape, Func<int, int, int, byte> pixel)
    {
        // pixel(image, x, y), the same in every channel.
        var data = new byte[shape.Aggregate(1, (a, b) => a * b)];
        int width = shape.Length >= 3 ? shape[^1] : 1, plane = shape.Length >= 3 ? shape[^2] * width : 1, image = data.Length / shape[0];
        for (int k = 0; k < data.Length; k++) data[k] = pixel(k / image, k % plane % width, k % plane / width);
        string path = _temp.File(name);
        IdxWriter.Write(path, new IdxArray(shape, data), gzip: true);
        return path;
    }

    private static List<JsonElement> Json(CliHarness.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
    }

    [Fact]
    public void PngFilesAreResizedGreyedAndGetTheirClass()
    {
        string grey = Png("four.png", 4, 1, new SKColor(230, 230, 230));
        // Twice the size and in colour: the run takes 1x28x28, so it is shrunk and turned grey first.
        string colour = Png("seven.png", 7, 2, new SKColor(255, 255, 160));

        var predictions = Json(CliHarness.Run("predict", "--checkpoint", fixture.Run, "--json", grey, colour));

        Assert.Equal(2, predictions.Count);
        Assert.Equal([grey, colour], predictions.Select(p => p.GetProperty("file").GetString()));
        Assert.Equal(["4", "7"], predictions.Select(p => p.GetProperty("label").GetString()));
        foreach (var p in predictions)
        {
            Assert.Equal(["file", "label", "probabilities"], p.EnumerateObject().Select(o => o.Name));
            var probabilities = p.GetProperty("probabilities").EnumerateObject().ToList();
            Assert.Equal(MnistFamily.MnistClasses, probabilities.Select(o => o.Name));
            Assert.Equal(1.0, probabilities.Sum(o => o.Value.GetDouble()), 4);
            Assert.Equal(p.GetProperty("label").GetString(), probabilities.MaxBy(o => o.Value.GetDouble()).Name);
        }
    }

    [Fact]
    public void EveryImageOfAnIdxFileIsPredictedUnderAnIndexedName()
    {
        string idx = Idx("clean.idx.gz", [10, 28, 28], (i, x, y) => SeparableImageRun.InBlock(i, x, y) ? (byte)220 : (byte)20);

        var predictions = Json(CliHarness.Run("predict", "--checkpoint", fixture.Run, "--json", idx));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{idx}#{i}"), predictions.Select(p => p.GetProperty("file").GetString()));
        Assert.Equal(MnistFamily.MnistClasses, predictions.Select(p => p.GetProperty("label").GetString()));
        Assert.All(predictions, p => Assert.Equal(1.0, p.GetProperty("probabilities").EnumerateObject().Sum(o => o.Value.GetDouble()), 4));
    }

    [Fact]
    public void WithoutJsonTheProbabilitiesAreATableOneRowPerImage()
    {
        string idx = Idx("two.idx", [2, 28, 28], (i, x, y) => SeparableImageRun.InBlock(i + 2, x, y) ? (byte)220 : (byte)20);

        var result = CliHarness.Run("predict", "--plain", "--checkpoint", fixture.Run, idx);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("file\tlabel\t0\t1\t2\t3\t4\t5\t6\t7\t8\t9", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("two.idx#0\t2\t", lines[1]);
        Assert.StartsWith("two.idx#1\t3\t", lines[2]);
        Assert.All(lines[1..], line => Assert.Equal(1.0, line.Split('\t')[2..].Sum(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), 2));
    }

    [Fact]
    public void AMissingFileIsOneLineNamingItAndNothingIsPrinted()
    {
        string good = Png("ok.png", 1, 1, SKColors.White);
        string missing = _temp.File("nowhere.png");

        var result = CliHarness.Run("predict", "--checkpoint", fixture.Run, "--json", good, missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"error: {missing}: file not found"], result.ErrorLines);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AFileThatIsNoImageIsOneLineNamingIt()
    {
        string text = _temp.File("notes.png");
        File.WriteAllText(text, "these are words, not pixels");

        var result = CliHarness.Run("predict", "--checkpoint", fixture.Run, text);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: {text}: not a decodable image", line);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 28, 28 }, "holds 3-channel images (IDX shape [2, 3, 28, 28]), but the run takes 1-channel input (1x28x28)")]
    [InlineData(new[] { 2, 32, 32 }, "holds 32x32 images (IDX shape [2, 32, 32]), but the run takes 28x28; IDX images are not resized")]
    [InlineData(new[] { 5 }, "holds an IDX array of shape [5], not images ([N, H, W] or [N, C, H, W]; a label file?)")]
    public void AnIdxFileOfTheWrongShapeIsOneLineNamingIt(int[] shape, string problem)
    {
        string idx = Idx("wrong.idx.gz", shape, (_, _, _) => 7);

        var result = CliHarness.Run("predict", "--checkpoint", fixture.Run, idx);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"error: {idx}: {problem}"], result.ErrorLines);
    }

    [Fact]
    public void AnEventRunIsAUsageErrorPointingToDetect()
    {
        string run = _temp.Folder("events-run");
        var config = File.ReadAllText(Path.Combine(fixture.Run, "config.json")).Replace("\"task\": \"image\"", "\"task\": \"events\"");
        File.WriteAllText(Path.Combine(run, "config.json"), config);

        var result = CliHarness.Run("predict", "--checkpoint", run, Png("x.png", 0, 1, SKColors.White));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"error: --checkpoint {run}: predict takes image and scenes runs, not events runs (use detect for events)"], result.ErrorLines);
    }
}
