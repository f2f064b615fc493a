using CompactConv.Cli;
using CompactConv.Cli.Commands;

namespace CompactConv.Tests.Cli;

public sealed class OutputPathsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NewPathsAndFoldersOfTheRightKindAreFine()
    {
        Assert.Null(OutputPaths.Problem(_temp.File("new/deeper/run"), folder: true));
        Assert.Null(OutputPaths.Problem(_temp.Folder("run"), folder: true));
        Assert.Null(OutputPaths.Problem(_temp.File("list.tsv"), folder: false));
    }

    [Fact]
    public void AFileAFolderOrAFileAboveAreNamed()
    {
        string file = _temp.File("taken");
        File.WriteAllText(file, "x");
        Assert.Equal($"{file} is a file, not a folder", OutputPaths.Problem(file, folder: true));
        Assert.Equal($"{_temp.Path} is a folder, not a file", OutputPaths.Problem(_temp.Path, folder: false));
        string under = Path.Combine(file, "a", "b");
        Assert.Equal($"{under} is under a file ({file})", OutputPaths.Problem(under, folder: true));
        Assert.Equal($"{under} is under a file ({file})", OutputPaths.Problem(under, folder: false));
    }

    [Fact]
    public void ADefaultFolderUnderAFileIsAUsageErrorNamingTheOption()
    {
        // A default is never seen by the parser's validators, so the command checks it itself.
        string file = _temp.File("runs");
        File.WriteAllText(file, "x");
        string folder = Path.Combine(file, "demo");

        var error = Assert.Throws<UsageException>(() => OutputPaths.DefaultFolder(folder, "--out"));

        Assert.Equal($"--out (default): {folder} is under a file ({file})", error.Message);
        Assert.Equal(_temp.File("demo"), OutputPaths.DefaultFolder(_temp.File("demo"), "--out"));
    }
}
