using System.IO.Compression;
using CompactConv.Data;

namespace CompactConv.Tests.Data;

public sealed class IdxReaderErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // A valid one-dimensional IDX file of ten labels.
    private static readonly byte[] TenLabels = [0, 0, 8, 1, 0, 0, 0, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    private string WriteRaw(string name, byte[] bytes)
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteGzip(string name, byte[] content)
    {
        string path = _temp.File(name);
        using var output = File.Create(path);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize);
        gzip.Write(content);
        return path;
    }

    private static DataException AssertFails(string path, string problem)
    {
        var error = Assert.Throws<DataException>(() => IdxReader.Read(path));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    [Fact]
    public void BadMagicIsNotIdx()
    {
        byte[] bytes = [.. TenLabels];
        bytes[1] = 3;
        string path = WriteRaw("bad-magic", bytes);

        AssertFails(path, "not an IDX file: starts with 00 03 08 01");
    }

    [Fact]
    public void NonUnsignedByteTypeIsRejected()
    {
        byte[] bytes = [.. TenLabels];
        bytes[2] = 0x0D; // float
        string path = WriteRaw("float-type", bytes);

        AssertFails(path, "unsupported IDX element type 0x0d");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void DimensionCountOutside1To4IsRejected(byte dimensions)
    {
        byte[] bytes = [.. TenLabels];
        bytes[3] = dimensions;
        string path = WriteRaw("dims", bytes);

        AssertFails(path, $"IDX dimension count {dimensions} is outside 1..4");
    }

    [Fact]
    public void ZeroSizedDimensionIsRejected()
    {
        string path = WriteRaw("zero-size", [0, 0, 8, 2, 0, 0, 0, 4, 0, 0, 0, 0]);

        AssertFails(path, "IDX dimension 2 of 2 has size 0");
    }

    [Fact]
    public void HeaderCutInsideDimensionSizesIsTruncated()
    {
        string path = WriteRaw("short-header", [0, 0, 8, 3, 0, 0, 0, 4, 0, 0]);

        AssertFails(path, "truncated header: 3 dimension sizes need 12 bytes, found 6");
    }

    [Fact]
    public void TruncatedDataIsReportedWithBothCounts()
    {
        string path = WriteRaw("truncated", TenLabels[..^3]);

        AssertFails(path, "truncated: header promises 10 bytes of data, found 7");
    }

    [Fact]
    public void TruncatedDataInsideGzipIsReportedWithBothCounts()
    {
        string path = WriteGzip("truncated.gz", TenLabels[..^3]);

        var error = AssertFails(path, "truncated: header promises 10 bytes of data, found 7");
        Assert.DoesNotContain("cut off", error.Message);
    }

    [Fact]
    public void ImpossiblyLargeHeaderInSmallGzipIsTruncatedNotAllocated()
    {
        // 50,000 x 100 x 100 = 500 MB promised by a file of a few dozen bytes.
        string path = WriteGzip("huge.gz", [0, 0, 8, 3, 0, 0, 0xC3, 0x50, 0, 0, 0, 100, 0, 0, 0, 100, 1, 2, 3]);

        AssertFails(path, "truncated: header promises 500000000 bytes of data, found 3");
    }

    [Fact]
    public void SizesBeyondOneArrayAreRejected()
    {
        string path = WriteRaw("too-big", [0, 0, 8, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2]);

        AssertFails(path, "promise more data than one array can hold");
    }

    [Fact]
    public void TrailingBytesAreRejected()
    {
        string path = WriteRaw("trailing", [.. TenLabels, 42, 43]);

        AssertFails(path, "trailing bytes: header promises 10 bytes of data, found 12");
    }

    [Fact]
    public void TrailingBytesInsideGzipAreRejected()
    {
        string path = WriteGzip("trailing.gz", [.. TenLabels, 42]);

        AssertFails(path, "trailing bytes: header promises 10 bytes of data, found 11");
    }

    [Fact]
    public void EmptyFileIsRejected()
    {
        string path = WriteRaw("empty", []);

        AssertFails(path, "empty file");
    }

    [Fact]
    public void EmptyGzipIsRejected()
    {
        // What gzip writes for empty input: header, an empty final stored block, CRC and length 0.
        string path = WriteRaw("empty.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        AssertFails(path, "gzip data decompresses to nothing");
    }

    [Fact]
    public void TextFileIsNotIdx()
    {
        string path = WriteRaw("notes.txt", "hello, world\n"u8.ToArray());

        AssertFails(path, "not an IDX file: starts with 68 65 6c 6c");
    }

    [Fact]
    public void TinyFileIsNotIdx()
    {
        string path = WriteRaw("tiny", [0, 0]);

        AssertFails(path, "not an IDX file: 2 bytes, too short");
    }

    [Fact]
    public void GarbageWithGzName()
    {
        string path = WriteRaw("labels-idx1-ubyte.gz", "this is not gzip at all"u8.ToArray());

        AssertFails(path, "not an IDX file: starts with 74 68 69 73");
    }

    [Fact]
    public void CorruptDeflateDataIsReported()
    {
        string good = WriteGzip("good.gz", TenLabels);
        byte[] bytes = File.ReadAllBytes(good);
        // The first deflate byte follows the 10-byte gzip header; 0xFF declares the reserved block type 3.
        bytes[10] = 0xFF;
        string path = WriteRaw("corrupt.gz", bytes);

        AssertFails(path, "corrupt gzip data");
    }

    [Fact]
    public void GzipWithWrongChecksumIsReported()
    {
        string good = WriteGzip("good.gz", TenLabels);
        byte[] bytes = File.ReadAllBytes(good);
        // The CRC-32 of the content sits 8 bytes before the end.
        bytes[^8] ^= 0xFF;
        string path = WriteRaw("bad-crc.gz", bytes);

        AssertFails(path, "corrupt gzip data");
    }

    [Fact]
    public void CutGzipFileIsReported()
    {
        string good = _temp.File("good.gz");
        IdxWriter.Write(good, FakeMnist.Images(50), gzip: true);
        byte[] bytes = File.ReadAllBytes(good);
        string path = WriteRaw("cut.gz", bytes[..(bytes.Length / 2)]);

        AssertFails(path, "truncated: header promises 39200 bytes of data, found");
        AssertFails(path, "(the gzip file itself looks cut off)");
    }

    [Fact]
    public void MissingFileIsReported()
    {
        string path = _temp.File("absent-idx1-ubyte");

        AssertFails(path, "file not found");
    }

    [Fact]
    public void FolderIsNotAFile()
    {
        AssertFails(_temp.Path, "is a folder, not an IDX file");
    }

    [Fact]
    public void MissingFolderIsReported()
    {
        string path = Path.Combine(_temp.Path, "no-such-folder", "labels");

        AssertFails(path, "file not found");
    }
}
