using CompactConv.IO;

namespace CompactConv.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void WithoutOverwriteAnExistingFileIsKeptAndNoTemporaryFileIsLeft()
    {
        using var folder = new TempFolder();
        var path = folder.File("table.csv");
        File.WriteAllText(path, "earlier");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream => stream.Write("later"u8), overwrite: false));

        Assert.Equal("earlier", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WithOverwriteTheFileIsReplaced()
    {
        using var folder = new TempFolder();
        var path = folder.File("table.csv");
        File.WriteAllText(path, "earlier");

        AtomicFile.WriteText(path, "later");

        Assert.Equal("later", File.ReadAllText(path));
    }
}
