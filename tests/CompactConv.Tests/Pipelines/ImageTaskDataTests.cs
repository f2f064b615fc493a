using CompactConv.Data.Images;
using CompactConv.Pipelines;
using CompactConv.Tests.Data.Images;
using SkiaSharp;

namespace CompactConv.Tests.Pipelines;

public sealed class ImageTaskDataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cifar10IsNormalisedPerChannelWithTheTrainingStatistics()
    {
        string dir = _temp.Folder("cifar");
        FakeCifar.WriteCifar10(dir, [4, 4, 4, 4, 4], 6);

        using var data = ImageTaskData.Load(new ImageDataRequest { Dataset = "cifar10", DataDir = dir, ValidationFraction = 0, IncludeTest = true });

        Assert.Equal([3, 32, 32], data.InputShape);
        Assert.Equal(20, data.Train.Count);
        Assert.Null(data.Validation);
        Assert.Equal(6, data.Test!.Count);
        Assert.Equal(20, data.TrainImages.Count);
        Assert.Equal(FakeCifar.Cifar10Classes, data.ClassNames);
        // The red plane is the first 1024 bytes of every image: its mean over the training images.
        double red = Enumerable.Range(0, 20).SelectMany(i => data.TrainImages.Pixels.Skip(i * 3072).Take(1024)).Average(v => v / 255.0);
        Assert.Equal(red, data.Normalization.Mean[0], 6);
        for (int c = 0; c < 3; c++)
            Assert.Equal(0, data.Train.Inputs.select(1, c).mean().item<float>(), 4);
    }

    [Fact]
    public void ALimitKeepsTheBytesAndTheTensorsInStep()
    {
        string dir = _temp.Folder("cifar");
        FakeCifar.WriteCifar10(dir, [4, 4, 4, 4, 4], 6);

        using var data = ImageTaskData.Load(new ImageDataRequest { Dataset = "cifar10", DataDir = dir, TrainLimit = 10, ValidationFraction = 0, Seed = 2, IncludeTest = true });

        Assert.Equal(10, data.TrainImages.Count);
        Assert.Equal(10, data.Train.Count);
        Assert.Equal(data.TrainImages.Labels, data.Train.Labels.data<long>().ToArray());
        Assert.Contains("class-balanced subset of 10 training-split images; 10 train / no validation images", data.Source);
        Assert.EndsWith(" / 6 test", data.Source);
    }

    [Fact]
    public void ValidationIsAStratifiedShareOfTheTrainingSplitAndTheTestSplitIsLeftUnread()
    {
        string dir = _temp.Folder("cifar");
        // 10 classes x 5 training images: 20 % puts 1 of each class into validation.
        FakeCifar.WriteCifar10(dir, [10, 10, 10, 10, 10], 6);

        using var data = ImageTaskData.Load(new ImageDataRequest { Dataset = "cifar10", DataDir = dir, ValidationFraction = 0.2, Seed = 3 });

        Assert.Equal(40, data.Train.Count);
        Assert.Equal(10, data.Validation!.Count);
        Assert.Null(data.Test);
        Assert.Equal(Enumerable.Range(0, 10).Select(c => (long)c), data.Validation.Labels.data<long>().ToArray().Order());
        Assert.Equal(40, data.TrainImages.Count);
        Assert.Contains("40 train / 10 validation (held out of the training split, fraction 0.2, stratified, seed 3)", data.Source);
        Assert.DoesNotContain("test", data.Source.Split(';').Last());

        // Normalisation comes from the 40 training images only.
        double red = Enumerable.Range(0, 40).SelectMany(i => data.TrainImages.Pixels.Skip(i * 3072).Take(1024)).Average(v => v / 255.0);
        Assert.Equal(red, data.Normalization.Mean[0], 6);

        // No image is on both sides, and the same seed draws the same validation images.
        var trainRows = Rows(data.Train);
        Assert.DoesNotContain(Rows(data.Validation), trainRows.Contains);
        using var again = ImageTaskData.Load(new ImageDataRequest { Dataset = "cifar10", DataDir = dir, ValidationFraction = 0.2, Seed = 3 });
        Assert.Equal(Rows(data.Validation), Rows(again.Validation!));
        using var other = ImageTaskData.Load(new ImageDataRequest { Dataset = "cifar10", DataDir = dir, ValidationFraction = 0.2, Seed = 4 });
        Assert.NotEqual(Rows(data.Validation), Rows(other.Validation!));
    }

    [Fact]
    public void AnImageFolderWithAValFolderUsesItAsTheValidationSplit()
    {
        string dir = _temp.Folder("images");
        foreach (var (split, count) in new[] { ("train", 3), ("val", 2), ("test", 1) })
        {
            for (int i = 0; i < count; i++)
            {
                ImageFiles.Solid(Path.Combine(dir, split, "a", $"{i}.png"), SKColors.Red);
                ImageFiles.Solid(Path.Combine(dir, split, "b", $"{i}.png"), SKColors.Blue);
            }
        }

        using var data = ImageTaskData.Load(new ImageDataRequest
        {
            Dataset = "folders", DataDir = dir, ImageData = new ImageDatasetOptions { Height = 4, Width = 4 }, IncludeTest = true,
        });

        Assert.Equal((6, 4, 2), (data.Train.Count, data.Validation!.Count, data.Test!.Count));
        Assert.Contains("4 validation (the dataset's own split", data.Source);
        Assert.Equal([0L, 0, 1, 1], data.Validation.Labels.data<long>().ToArray().Order());
    }

    [Fact]
    public void AnImpossibleValidationFractionIsRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageTaskData.Load(new ImageDataRequest { Dataset = "fashion-mnist", ValidationFraction = 1 }));
        Assert.Equal("ImageDataRequest.ValidationFraction must be at least 0 and below 1, got 1", e.Message);
        Assert.Throws<ArgumentException>(() => ImageTaskData.Load(new ImageDataRequest { Dataset = "fashion-mnist", ValidationFraction = double.NaN }));
    }

    // Each image's values, as a string, to compare sets of images.
    private static HashSet<string> Rows(CompactConv.Training.TensorDataset data) =>
        Enumerable.Range(0, (int)data.Count).Select(i => string.Join(",", data.Inputs[i].flatten().data<float>().ToArray().Take(64))).ToHashSet();

    [Fact]
    public void FolderNotesAndSkippedImagesReachTheCaller()
    {
        string dir = _temp.Folder("images");
        for (int i = 0; i < 3; i++)
        {
            ImageFiles.Solid(Path.Combine(dir, "a", $"{i}.png"), SKColors.Red);
            ImageFiles.Solid(Path.Combine(dir, "b", $"{i}.png"), SKColors.Blue);
        }
        File.WriteAllText(Path.Combine(dir, "b", "broken.png"), "text");
        Directory.CreateDirectory(Path.Combine(dir, "c"));

        using var data = ImageTaskData.Load(new ImageDataRequest { Dataset = "folders", DataDir = dir, ImageData = new ImageDatasetOptions { SkipBad = true, Height = 8, Width = 8, Grey = true } });

        Assert.Equal([1, 8, 8], data.InputShape);
        Assert.Equal(["folder 'c' has no .png, .jpg or .jpeg images and is not a class"], data.Notes.Take(1));
        Assert.StartsWith("skipped b/broken.png: not a decodable image", data.Notes[1]);
    }
}
