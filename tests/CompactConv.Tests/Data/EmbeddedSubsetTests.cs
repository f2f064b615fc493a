using CompactConv.Data;

namespace CompactConv.Tests.Data;

/// <summary>The Fashion-MNIST subset committed under data/fashion-mnist-subset.</summary>
public sealed class EmbeddedSubsetTests
{
    private static MnistLocations EmbeddedOnly => MnistLocations.Default with
    {
        FashionMnistSystemDir = Path.Combine(Path.GetTempPath(), "compactconv-tests-no-system-" + Guid.NewGuid().ToString("N")),
    };

    [Fact]
    public void LoadsWith1200TrainAnd200TestImagesPerClass()
    {
        ImageSplits splits = MnistFamily.Load("fashion-mnist", null, EmbeddedOnly);

        Assert.Equal(12_000, splits.Train.Count);
        Assert.Equal(2_000, splits.Test.Count);
        Assert.All(splits.Train.CountPerClass(), count => Assert.Equal(1_200, count));
        Assert.All(splits.Test.CountPerClass(), count => Assert.Equal(200, count));
        Assert.StartsWith("embedded Fashion-MNIST subset (12,000 train / 2,000 test) from ", splits.Source);
        Assert.EndsWith(Path.Combine("data", "fashion-mnist-subset"), splits.Source);
    }

    [Fact]
    public void MatchesACutOfTheSystemCopyWhenOneIsInstalled()
    {
        // Only machines with Debian's dataset-fashion-mnist can check where the subset came from.
        if (!MnistFiles.AllPresent(MnistLocations.DebianFashionMnistDir))
            return;
        ImageSplits full = MnistFamily.Load("fashion-mnist", MnistLocations.DebianFashionMnistDir);
        ImageSplits embedded = MnistFamily.Load("fashion-mnist", null, EmbeddedOnly);

        // Compared after decompression: gzip bytes may differ between zlib versions.
        ImageDataset train = full.Train.Take(IdxSubset.PickBalanced(full.Train, 1_200, seed: 0));
        ImageDataset test = full.Test.Take(IdxSubset.PickBalanced(full.Test, 200, seed: 0));
        Assert.Equal(train.Labels, embedded.Train.Labels);
        Assert.True(train.Pixels.AsSpan().SequenceEqual(embedded.Train.Pixels));
        Assert.Equal(test.Labels, embedded.Test.Labels);
        Assert.True(test.Pixels.AsSpan().SequenceEqual(embedded.Test.Pixels));
    }
}
