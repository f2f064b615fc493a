using CompactConv.Data;

namespace CompactConv.Tests.Data;

public sealed class MnistFamilyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // Defaults that lead nowhere, so that no test depends on what this machine has installed.
    private MnistLocations Nowhere => new()
    {
        FashionMnistSystemDir = Path.Combine(_temp.Path, "no-system"),
        EmbeddedSubsetDirs = [Path.Combine(_temp.Path, "no-embedded")],
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LoadsAFolderOfFourFiles(bool gzip)
    {
        string dir = _temp.Folder("set");
        FakeMnist.Write(dir, trainCount: 20, testCount: 10, gzip);

        ImageSplits splits = MnistFamily.Load("fashion-mnist", dir, Nowhere);

        Assert.Equal(20, splits.Train.Count);
        Assert.Equal(10, splits.Test.Count);
        Assert.Equal((1, 28, 28), (splits.Train.Channels, splits.Train.Height, splits.Train.Width));
        Assert.Equal(FakeMnist.Images(20, salt: 1).Data, splits.Train.Pixels);
        Assert.Equal(FakeMnist.Images(10, salt: 2).Data, splits.Test.Pixels);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)FakeMnist.Label(i)), splits.Train.Labels);
        Assert.Equal("Ankle boot", splits.Train.ClassNames[9]);
        Assert.Equal($"Fashion-MNIST (20 train / 10 test) from {dir}", splits.Source);
        Assert.Equal($"Fashion-MNIST from {dir}, test split", splits.Test.Source);
    }

    [Fact]
    public void MnistHasDigitClassNames()
    {
        string dir = _temp.Folder("digits");
        FakeMnist.Write(dir, 20, 10);

        ImageSplits splits = MnistFamily.Load("MNIST", dir, Nowhere);

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], splits.Train.ClassNames);
        Assert.StartsWith("MNIST (20 train / 10 test) from ", splits.Source);
    }

    [Fact]
    public void FashionMnistClassNamesFollowZalando()
    {
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            MnistFamily.ClassNames("fashion-mnist"));
    }

    [Fact]
    public void UnknownDatasetNamesTheValue()
    {
        var error = Assert.Throws<ArgumentException>(() => MnistFamily.Load("cifar10", _temp.Path, Nowhere));
        Assert.Contains("'cifar10'", error.Message);
    }

    [Fact]
    public void MissingFileNamesTheExpectedPath()
    {
        string dir = _temp.Folder("incomplete");
        FakeMnist.Write(dir, 20, 10);
        File.Delete(Path.Combine(dir, MnistFiles.TestLabels + ".gz"));

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        string expected = Path.Combine(dir, MnistFiles.TestLabels);
        Assert.Equal(expected, error.Path);
        Assert.Contains($"{expected}: missing (also looked for {MnistFiles.TestLabels}.gz)", error.Message);
    }

    [Fact]
    public void MissingFolderIsReported()
    {
        string dir = Path.Combine(_temp.Path, "absent");

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        Assert.Equal($"{dir}: Fashion-MNIST folder not found", error.Message);
    }

    [Fact]
    public void UncompressedFileWinsOverGzip()
    {
        string dir = _temp.Folder("both");
        FakeMnist.Write(dir, 20, 10, gzip: true);
        FakeMnist.Write(dir, 30, 10, gzip: false);

        Assert.Equal(30, MnistFamily.Load("fashion-mnist", dir, Nowhere).Train.Count);
    }

    [Fact]
    public void ImageAndLabelCountsMustAgree()
    {
        string dir = _temp.Folder("mismatch");
        FakeMnist.Write(dir, 20, 10);
        string labels = Path.Combine(dir, MnistFiles.TrainLabels + ".gz");
        IdxWriter.Write(labels, FakeMnist.Labels(19), gzip: true);

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        string images = Path.Combine(dir, MnistFiles.TrainImages + ".gz");
        Assert.Equal($"{images}: has 20 images but {labels} has 19 labels", error.Message);
    }

    [Fact]
    public void LabelOutOfRangeNamesFileAndFirstBadIndex()
    {
        string dir = _temp.Folder("bad-label");
        FakeMnist.Write(dir, 20, 10);
        byte[] labels = FakeMnist.Labels(10).Data;
        labels[3] = 10;
        labels[7] = 200;
        string path = Path.Combine(dir, MnistFiles.TestLabels + ".gz");
        IdxWriter.Write(path, new IdxArray([10], labels), gzip: true);

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        Assert.Equal(path, error.Path);
        Assert.Contains("label 10 at index 3 is outside 0..9", error.Message);
    }

    [Theory]
    [InlineData(28, 27)]
    [InlineData(32, 32)]
    public void ImagesMustBe28By28(int rows, int columns)
    {
        string dir = _temp.Folder("odd-size");
        FakeMnist.Write(dir, 20, 10);
        string path = Path.Combine(dir, MnistFiles.TrainImages + ".gz");
        IdxWriter.Write(path, FakeMnist.Images(20, rows: rows, columns: columns), gzip: true);

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        Assert.Equal($"{path}: expected images of shape [N, 28, 28], found [20, {rows}, {columns}]", error.Message);
    }

    [Fact]
    public void LabelsMustBeOneDimensional()
    {
        string dir = _temp.Folder("label-matrix");
        FakeMnist.Write(dir, 20, 10);
        string path = Path.Combine(dir, MnistFiles.TrainLabels + ".gz");
        IdxWriter.Write(path, new IdxArray([20, 1], FakeMnist.Labels(20).Data), gzip: true);

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        Assert.Equal($"{path}: expected labels of shape [N], found [20, 1]", error.Message);
    }

    [Fact]
    public void MalformedFileErrorsPassThrough()
    {
        string dir = _temp.Folder("corrupt");
        FakeMnist.Write(dir, 20, 10);
        string path = Path.Combine(dir, MnistFiles.TrainImages + ".gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 1, 2, 3]);

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", dir, Nowhere));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void MnistWithoutFolderAsksForData()
    {
        var error = Assert.Throws<DataException>(() => MnistFamily.Load("mnist", null, Nowhere));
        Assert.Contains("as ImageDataRequest.DataDir", error.Message);
    }
}
