using System.IO.Compression;
using CompactConv.Data;

namespace CompactConv.Tests.Data;

public sealed class IdxRoundTripTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int[], bool> Shapes() => new()
    {
        { new[] { 7 }, false },
        { new[] { 7 }, true },
        { new[] { 3, 5 }, false },
        { new[] { 4, 28, 28 }, false },
        { new[] { 4, 28, 28 }, true },
        { new[] { 2, 3, 4, 5 }, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void WrittenArrayReadsBackUnchanged(int[] shape, bool gzip)
    {
        var data = new byte[shape.Aggregate(1, (a, b) => a * b)];
        new Random(42).NextBytes(data);
        string path = _temp.File("array.idx");

        IdxWriter.Write(path, new IdxArray(shape, data), gzip);
        IdxArray read = IdxReader.Read(path);

        Assert.Equal(shape, read.Shape);
        Assert.Equal(data, read.Data);
    }

    [Fact]
    public void RawFileHasTheDocumentedHeader()
    {
        string path = _temp.File("labels");
        IdxWriter.Write(path, new IdxArray([3], [7, 8, 9]), gzip: false);

        Assert.Equal(new byte[] { 0, 0, 8, 1, 0, 0, 0, 3, 7, 8, 9 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void GzipIsRecognisedByContentNotByName()
    {
        string plainName = _temp.File("no-suffix");
        IdxWriter.Write(plainName, FakeMnist.Labels(12), gzip: true);

        byte[] bytes = File.ReadAllBytes(plainName);
        Assert.Equal(new byte[] { 0x1f, 0x8b }, bytes[..2]);
        Assert.Equal(FakeMnist.Labels(12).Data, IdxReader.Read(plainName).Data);
    }

    [Fact]
    public void GzipOutputIsDeterministic()
    {
        IdxArray images = FakeMnist.Images(20);
        IdxWriter.Write(_temp.File("a.gz"), images, gzip: true);
        IdxWriter.Write(_temp.File("b.gz"), images, gzip: true);

        Assert.Equal(File.ReadAllBytes(_temp.File("a.gz")), File.ReadAllBytes(_temp.File("b.gz")));
    }

    [Fact]
    public void GzipFileMadeByAnotherWriterIsRead()
    {
        string raw = _temp.File("raw");
        IdxWriter.Write(raw, FakeMnist.Images(5), gzip: false);
        string gz = _temp.File("other.gz");
        using (var output = File.Create(gz))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(File.ReadAllBytes(raw));

        Assert.Equal(FakeMnist.Images(5).Data, IdxReader.Read(gz).Data);
    }

    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, 1)]
    [InlineData(new[] { 2, 0 }, 0)]
    [InlineData(new[] { 2, 3 }, 5)]
    public void ArrayRejectsInconsistentShape(int[] shape, int length)
    {
        Assert.Throws<ArgumentException>(() => new IdxArray(shape, new byte[length]));
    }
}
