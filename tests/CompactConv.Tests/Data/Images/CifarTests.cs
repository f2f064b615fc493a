using CompactConv.Data;
using CompactConv.Data.Images;

namespace CompactConv.Tests.Data.Images;

public sealed class CifarTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Cifar10(int[]? perBatch = null, int test = 4)
    {
        string dir = _temp.Folder("cifar10");
        FakeCifar.WriteCifar10(dir, perBatch ?? [3, 2, 1, 2, 2], test);
        return dir;
    }

    private static void Patch(string path, params (int Offset, byte Value)[] changes)
    {
        var bytes = File.ReadAllBytes(path);
        foreach (var (offset, value) in changes) bytes[offset] = value;
        File.WriteAllBytes(path, bytes);
    }

    private static DataException LoadError(string name, string dir, ImageDatasetOptions? options = null) =>
        Assert.Throws<DataException>(() => ImageDatasets.Load(name, dir, options));

    [Fact]
    public void Cifar10ReadsTheFiveBatchesInOrderThenTheTestBatch()
    {
        string dir = Cifar10();

        var splits = ImageDatasets.Load("cifar10", dir);

        Assert.Equal(10, splits.Train.Count);
        Assert.Equal(4, splits.Test.Count);
        Assert.Equal((3, 32, 32), (splits.Train.Channels, splits.Train.Height, splits.Train.Width));
        byte[] expected = [.. FakeCifar.Images(3, 1), .. FakeCifar.Images(2, 2), .. FakeCifar.Images(1, 3), .. FakeCifar.Images(2, 4), .. FakeCifar.Images(2, 5)];
        Assert.Equal(expected, splits.Train.Pixels);
        Assert.Equal(FakeCifar.Images(4, 9), splits.Test.Pixels);
        // Batch k's record i has label (i + k) mod 10.
        Assert.Equal([1, 2, 3, 2, 3, 3, 4, 5, 5, 6], splits.Train.Labels);
        Assert.Equal([0, 1, 2, 3], splits.Test.Labels);
        Assert.Equal(FakeCifar.Cifar10Classes, splits.Train.ClassNames);
        Assert.Equal($"CIFAR-10 binary (10 train / 4 test, 10 classes) from {dir}", splits.Source);
        Assert.Equal($"CIFAR-10 binary from {dir}, test split", splits.Test.Source);
    }

    [Fact]
    public void RecordPlanesAreRedGreenBlueRowByRow()
    {
        string dir = Cifar10();
        // One test record: label 3, red plane 10, green plane 20 except pixel (row 1, column 2) = 99, blue plane 30.
        var record = new byte[1 + 3072];
        record[0] = 3;
        Array.Fill(record, (byte)10, 1, 1024);
        Array.Fill(record, (byte)20, 1 + 1024, 1024);
        Array.Fill(record, (byte)30, 1 + 2048, 1024);
        record[1 + 1024 + 1 * 32 + 2] = 99;
        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), record);

        var (images, labels) = ImageDatasets.Load("cifar10", dir).Test.ToTensors();
        using (images)
        using (labels)
        {
            Assert.Equal(new long[] { 1, 3, 32, 32 }, images.shape);
            Assert.Equal(10 / 255f, images[0, 0, 5, 7].item<float>());
            Assert.Equal(99 / 255f, images[0, 1, 1, 2].item<float>());
            Assert.Equal(20 / 255f, images[0, 1, 2, 1].item<float>());
            Assert.Equal(30 / 255f, images[0, 2, 31, 31].item<float>());
            Assert.Equal(3L, labels[0].item<long>());
        }
    }

    [Fact]
    public void DataMayNameTheFolderTheArchiveUnpacksTo()
    {
        string parent = _temp.Folder("downloads");
        FakeCifar.WriteCifar10(Path.Combine(parent, "cifar-10-batches-bin"), [1, 1, 1, 1, 1], 2);

        var splits = ImageDatasets.Load("CIFAR10", parent);

        Assert.Equal(5, splits.Train.Count);
        Assert.EndsWith(Path.Combine("downloads", "cifar-10-batches-bin"), splits.Source);
    }

    [Fact]
    public void EveryMissingFileIsNamedAtOnce()
    {
        string dir = Cifar10();
        File.Delete(Path.Combine(dir, "data_batch_3.bin"));
        File.Delete(Path.Combine(dir, "test_batch.bin"));

        var error = LoadError("cifar10", dir);

        Assert.Equal(dir, error.Path);
        Assert.StartsWith($"{dir}: CIFAR-10 binary files missing: data_batch_3.bin, test_batch.bin (expected data_batch_1.bin, ", error.Message);
        Assert.EndsWith("batches.meta.txt, as unpacked from cifar-10-binary.tar.gz)", error.Message);
    }

    [Fact]
    public void AMissingClassNameFileIsNamed()
    {
        string dir = Cifar10();
        File.Delete(Path.Combine(dir, "batches.meta.txt"));

        var error = LoadError("cifar10", dir);

        Assert.Contains("files missing: batches.meta.txt (", error.Message);
    }

    [Fact]
    public void TrailingBytesAreCountedAndTheFileNamed()
    {
        string dir = Cifar10();
        string path = Path.Combine(dir, "data_batch_2.bin");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(path), 1, 2, 3, 4, 5]);

        var error = LoadError("cifar10", dir);

        Assert.Equal(path, error.Path);
        Assert.Equal($"{path}: 6151 bytes is not a whole number of 3073-byte CIFAR-10 binary records: 2 records and 5 trailing bytes (a cut-off or wrong file?)", error.Message);
    }

    [Fact]
    public void ACutOffFileIsReportedNotShortened()
    {
        string dir = Cifar10();
        string path = Path.Combine(dir, "test_batch.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..(3 * 3073 + 100)]);

        var error = LoadError("cifar10", dir);

        Assert.Contains("3 records and 100 trailing bytes", error.Message);
    }

    [Fact]
    public void AnEmptyFileHasNoRecords()
    {
        string dir = Cifar10();
        string path = Path.Combine(dir, "data_batch_5.bin");
        File.WriteAllBytes(path, []);

        var error = LoadError("cifar10", dir);

        Assert.Equal($"{path}: empty file: no records", error.Message);
    }

    [Fact]
    public void ALabelOutOfRangeNamesTheFileRecordAndOffset()
    {
        string dir = Cifar10();
        string path = Path.Combine(dir, "data_batch_1.bin");
        Patch(path, (1 * 3073, 10));

        var error = LoadError("cifar10", dir);

        Assert.Equal($"{path}: record 1 (byte offset 3073): label 10 is outside 0..9", error.Message);
    }

    [Fact]
    public void SeveralBadLabelsAreCounted()
    {
        string dir = Cifar10();
        string path = Path.Combine(dir, "data_batch_1.bin");
        Patch(path, (2 * 3073, 200), (0, 11));

        var error = LoadError("cifar10", dir);

        Assert.Equal($"{path}: record 0 (byte offset 0): label 11 is outside 0..9 (2 records have labels out of range)", error.Message);
    }

    [Theory]
    [InlineData("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\n\n", "lists 9 class names, but the labels need 10")]
    [InlineData("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\nextra\n", "lists 11 class names, but the labels need 10")]
    [InlineData("airplane\nautomobile\n\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n", "line 3 is blank, but class names follow it")]
    [InlineData("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ncat\n", "class name 'cat' appears on lines 4 and 10")]
    [InlineData("", "lists 0 class names, but the labels need 10")]
    public void TheClassNameFileMustNameEveryLabelOnce(string content, string problem)
    {
        string dir = Cifar10();
        string path = Path.Combine(dir, "batches.meta.txt");
        File.WriteAllText(path, content);

        var error = LoadError("cifar10", dir);

        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void Cifar100TakesFineLabelsByDefault()
    {
        string dir = _temp.Folder("cifar100");
        FakeCifar.WriteCifar100(dir, train: 30, test: 5);

        var splits = ImageDatasets.Load("cifar100", dir);

        Assert.Equal(30, splits.Train.Count);
        Assert.Equal(FakeCifar.Images(30, 1), splits.Train.Pixels);
        Assert.Equal(FakeCifar.Images(5, 2), splits.Test.Pixels);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)FakeCifar.Fine(i)), splits.Train.Labels);
        Assert.Equal(FakeCifar.FineNames, splits.Train.ClassNames);
        Assert.Equal($"CIFAR-100 binary, fine labels (30 train / 5 test, 100 classes) from {dir}", splits.Source);
    }

    [Fact]
    public void Cifar100CoarseLabelsAreTheFirstByteAndTheirNames()
    {
        string dir = _temp.Folder("cifar100");
        FakeCifar.WriteCifar100(dir, train: 30, test: 5);
        // Without the fine names file: coarse labels do not need it.
        File.Delete(Path.Combine(dir, "fine_label_names.txt"));

        var splits = ImageDatasets.Load("cifar100", dir, new ImageDatasetOptions { Labels = CifarLabelSet.Coarse });

        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)FakeCifar.Coarse(i)), splits.Test.Labels);
        Assert.Equal(FakeCifar.CoarseNames, splits.Train.ClassNames);
        Assert.StartsWith("CIFAR-100 binary, coarse labels (30 train / 5 test, 20 classes)", splits.Source);
    }

    [Theory]
    [InlineData(0, 20, "coarse label 20 is outside 0..19")]
    [InlineData(1, 100, "fine label 100 is outside 0..99")]
    public void Cifar100ChecksBothLabelBytesWhicheverIsKept(int field, byte value, string problem)
    {
        string dir = _temp.Folder("cifar100");
        FakeCifar.WriteCifar100(dir, train: 4, test: 3);
        string path = Path.Combine(dir, "test.bin");
        Patch(path, (2 * 3074 + field, value));

        foreach (var labels in new[] { CifarLabelSet.Fine, CifarLabelSet.Coarse })
        {
            var error = LoadError("cifar100", dir, new ImageDatasetOptions { Labels = labels });
            Assert.Equal($"{path}: record 2 (byte offset 6148): {problem}", error.Message);
        }
    }

    [Fact]
    public void Cifar100RecordsAreTwoLabelBytesLonger()
    {
        string dir = _temp.Folder("cifar100");
        FakeCifar.WriteCifar100(dir, train: 4, test: 3);
        string path = Path.Combine(dir, "train.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);

        var error = LoadError("cifar100", dir);

        Assert.Equal($"{path}: 12295 bytes is not a whole number of 3074-byte CIFAR-100 binary records: 3 records and 3073 trailing bytes (a cut-off or wrong file?)", error.Message);
    }

    [Fact]
    public void Cifar100NamesFileMustHaveOneHundredFineNames()
    {
        string dir = _temp.Folder("cifar100");
        FakeCifar.WriteCifar100(dir, train: 4, test: 3);
        string path = Path.Combine(dir, "fine_label_names.txt");
        File.WriteAllLines(path, FakeCifar.FineNames[..99]);

        var error = LoadError("cifar100", dir);

        Assert.Equal($"{path}: lists 99 class names, but the labels need 100", error.Message);
    }
}
