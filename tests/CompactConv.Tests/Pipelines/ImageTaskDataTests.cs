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

        using var data = ImageTaskData.Load("cifar10", dir);

        Assert.Equal([3, 32, 32], data.InputShape);
        Assert.Equal(20, data.Train.Count);
        Assert.Equal(6, data.Test.Count);
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

        using var data = ImageTaskData.Load("cifar10", dir, trainLimit: 10, seed: 2);

        Assert.Equal(10, data.TrainImages.Count);
        Assert.Equal(10, data.Train.Count);
        Assert.Equal(data.TrainImages.Labels, data.Train.Labels.data<long>().ToArray());
        Assert.Contains("class-balanced subset of 10 train / 6 test images", data.Source);
    }

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

        using var data = ImageTaskData.Load("folders", dir, imageOptions: new ImageDatasetOptions { SkipBad = true, Height = 8, Width = 8, Grey = true });

        Assert.Equal([1, 8, 8], data.InputShape);
        Assert.Equal(["folder 'c' has no .png, .jpg or .jpeg images and is not a class"], data.Notes.Take(1));
        Assert.StartsWith("skipped b/broken.png: not a decodable image", data.Notes[1]);
    }
}
