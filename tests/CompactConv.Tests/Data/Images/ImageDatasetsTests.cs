using CompactConv.Data;
using CompactConv.Data.Images;
using CompactConv.Tests.Data;

namespace CompactConv.Tests.Data.Images;

public sealed class ImageDatasetsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private MnistLocations Nowhere => new()
    {
        FashionMnistSystemDir = Path.Combine(_temp.Path, "no-system"),
        EmbeddedSubsetDirs = [Path.Combine(_temp.Path, "no-embedded")],
    };

    [Fact]
    public void NamesAreTheFiveDatasets() =>
        Assert.Equal(["cifar10", "cifar100", "mnist", "fashion-mnist", "folders"], ImageDatasets.Names);

    [Theory]
    [InlineData("mnist", "MNIST (20 train / 10 test)")]
    [InlineData("Fashion-MNIST", "Fashion-MNIST (20 train / 10 test)")]
    public void TheMnistFamilyLoadsThroughTheSameEntryPoint(string name, string sourceStart)
    {
        string dir = _temp.Folder("set");
        FakeMnist.Write(dir, 20, 10);

        var splits = ImageDatasets.Load(name, dir, locations: Nowhere);

        Assert.StartsWith(sourceStart, splits.Source);
        Assert.Equal(FakeMnist.Images(20, salt: 1).Data, splits.Train.Pixels);
        Assert.Equal((1, 28, 28), (splits.Test.Channels, splits.Test.Height, splits.Test.Width));
    }

    [Fact]
    public void FashionMnistStillFallsBackWithoutAFolder()
    {
        string embedded = _temp.Folder("embedded");
        FakeMnist.Write(embedded, 20, 10);

        var splits = ImageDatasets.Load("fashion-mnist", null, locations: Nowhere with { EmbeddedSubsetDirs = [embedded] });

        Assert.StartsWith("embedded Fashion-MNIST subset", splits.Source);
    }

    [Fact]
    public void AnUnknownNameListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageDatasets.Load("imagenet", _temp.Path));

        Assert.Equal("unknown image dataset 'imagenet'; choose one of cifar10, cifar100, mnist, fashion-mnist, folders", error.Message);
    }

    [Theory]
    [InlineData("cifar10")]
    [InlineData("cifar100")]
    [InlineData("folders")]
    public void CifarAndFoldersNeedAFolder(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageDatasets.Load(name, null));

        Assert.StartsWith($"ImageDataRequest.DataDir is required for {name}", error.Message);
    }

    [Fact]
    public void AMissingFolderIsNamed()
    {
        string missing = Path.Combine(_temp.Path, "nope");

        var error = Assert.Throws<DataException>(() => ImageDatasets.Load("cifar10", missing));

        Assert.Equal($"{missing}: dataset folder not found", error.Message);
    }

    public static TheoryData<string, ImageDatasetOptions, string> MisappliedOptions => new()
    {
        { "cifar10", new ImageDatasetOptions { Labels = CifarLabelSet.Coarse }, "ImageDatasetOptions.Labels applies to cifar100 only, not cifar10" },
        { "folders", new ImageDatasetOptions { Labels = CifarLabelSet.Fine }, "ImageDatasetOptions.Labels applies to cifar100 only, not folders" },
        { "cifar10", new ImageDatasetOptions { Grey = true }, "ImageDatasetOptions.Grey applies to folders only" },
        { "mnist", new ImageDatasetOptions { Height = 32 }, "ImageDatasetOptions.Height applies to folders only" },
        { "cifar100", new ImageDatasetOptions { SkipBad = true }, "ImageDatasetOptions.SkipBad applies to folders only" },
        { "fashion-mnist", new ImageDatasetOptions { TestFraction = 0.1 }, "ImageDatasetOptions.TestFraction applies to folders only" },
    };

    [Theory]
    [MemberData(nameof(MisappliedOptions))]
    public void OptionsOfOtherDatasetsAreRefusedNotIgnored(string name, ImageDatasetOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageDatasets.Load(name, _temp.Path, options, Nowhere));

        Assert.StartsWith(message, error.Message);
    }
}
