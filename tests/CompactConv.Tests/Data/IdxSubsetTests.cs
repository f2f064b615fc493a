using CompactConv.Data;

namespace CompactConv.Tests.Data;

public sealed class IdxSubsetTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ImageSplits _full;

    public IdxSubsetTests()
    {
        string dir = _temp.Folder("full");
        FakeMnist.Write(dir, trainCount: 200, testCount: 60);
        _full = MnistFamily.Load("fashion-mnist", dir, new MnistLocations { FashionMnistSystemDir = dir, EmbeddedSubsetDirs = [] });
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PickBalancedTakesTheSameNumberOfEveryClassInOriginalOrder()
    {
        int[] picked = IdxSubset.PickBalanced(_full.Train, perClass: 7, seed: 3);

        Assert.Equal(70, picked.Length);
        Assert.Equal(picked.Order(), picked);
        Assert.Equal(70, picked.Distinct().Count());
        Assert.All(_full.Train.Take(picked).CountPerClass(), count => Assert.Equal(7, count));
    }

    [Fact]
    public void PickBalancedDependsOnTheSeedOnly()
    {
        Assert.Equal(IdxSubset.PickBalanced(_full.Train, 7, seed: 3), IdxSubset.PickBalanced(_full.Train, 7, seed: 3));
        Assert.NotEqual(IdxSubset.PickBalanced(_full.Train, 7, seed: 3), IdxSubset.PickBalanced(_full.Train, 7, seed: 4));
    }

    [Fact]
    public void PickBalancedRefusesClassesThatAreTooSmall()
    {
        var error = Assert.Throws<ArgumentException>(() => IdxSubset.PickBalanced(_full.Test, perClass: 7, seed: 0));
        Assert.Contains("'T-shirt/top' has 6 images", error.Message);
    }

    [Fact]
    public void WrittenSubsetLoadsBalancedWithTheOriginalImages()
    {
        string outDir = Path.Combine(_temp.Path, "subset");

        IReadOnlyList<string> files = IdxSubset.Write(_full.Train, _full.Test, 12, 4, seed: 0, outDir);
        ImageSplits subset = MnistFamily.Load("fashion-mnist", outDir, new MnistLocations { FashionMnistSystemDir = outDir, EmbeddedSubsetDirs = [] });

        Assert.Equal(MnistFiles.All.Select(name => Path.Combine(outDir, name + ".gz")), files);
        Assert.Equal(120, subset.Train.Count);
        Assert.Equal(40, subset.Test.Count);
        Assert.All(subset.Train.CountPerClass(), count => Assert.Equal(12, count));
        Assert.All(subset.Test.CountPerClass(), count => Assert.Equal(4, count));
        Assert.Equal(_full.Train.Take(IdxSubset.PickBalanced(_full.Train, 12, 0)).Pixels, subset.Train.Pixels);
        Assert.Equal(_full.Test.Take(IdxSubset.PickBalanced(_full.Test, 4, 0)).Labels, subset.Test.Labels);
    }

    [Fact]
    public void SameInputAndSeedGiveByteIdenticalFiles()
    {
        string first = Path.Combine(_temp.Path, "first");
        string second = Path.Combine(_temp.Path, "second");

        IdxSubset.Write(_full.Train, _full.Test, 12, 4, seed: 5, first);
        IdxSubset.Write(_full.Train, _full.Test, 12, 4, seed: 5, second);

        foreach (string name in MnistFiles.All)
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name + ".gz")), File.ReadAllBytes(Path.Combine(second, name + ".gz")));
    }

    [Fact]
    public void StaleUncompressedFileIsNotLeftToShadowTheSubset()
    {
        string outDir = _temp.Folder("stale");
        string stale = Path.Combine(outDir, MnistFiles.TrainImages);
        File.WriteAllBytes(stale, [1, 2, 3]);

        var error = Assert.Throws<DataException>(() => IdxSubset.Write(_full.Train, _full.Test, 12, 4, 0, outDir));

        Assert.Equal(stale, error.Path);
    }
}
