using CompactConv.IO;

namespace CompactConv.Tests.IO;

public class BlockingFileTests
{
    [Fact]
    public void NamesTheFileAtThePathOrAboveIt()
    {
        using var folder = new TempFolder();
        string file = folder.File("notes.txt");
        File.WriteAllText(file, "x");

        Assert.Equal(file, BlockingFile.Of(file));
        Assert.Equal(file, BlockingFile.Of(Path.Combine(file, "run", "config.json")));
    }

    [Fact]
    public void IsNullWhereEverythingInTheWayIsAFolderOrMissing()
    {
        using var folder = new TempFolder();

        Assert.Null(BlockingFile.Of(folder.Path));
        Assert.Null(BlockingFile.Of(Path.Combine(folder.Path, "new", "deeper")));
    }
}
