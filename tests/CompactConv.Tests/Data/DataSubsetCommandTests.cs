using CompactConv.Data;

namespace CompactConv.Tests.Data;

public sealed class DataSubsetCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static int Run(params string[] args) => CompactConv.Tests.Cli.CliHarness.Run(args).ExitCode;

    [Fact]
    public void WritesTheRequestedSubset()
    {
        string from = _temp.Folder("full");
        FakeMnist.Write(from, 100, 50, gzip: false);
        string to = Path.Combine(_temp.Path, "subset");

        int exitCode = Run("data", "subset", "--from", from, "--to", to, "--train-per-class", "3", "--test-per-class", "2", "--seed", "9");

        Assert.Equal(0, exitCode);
        ImageSplits subset = MnistFamily.Load("fashion-mnist", to);
        Assert.Equal(30, subset.Train.Count);
        Assert.Equal(20, subset.Test.Count);
    }

    [Fact]
    public void BadInputGivesExitCode1()
    {
        int exitCode = Run("data", "subset", "--from", Path.Combine(_temp.Path, "absent"), "--to", _temp.File("out"));

        Assert.Equal(1, exitCode);
    }
}
