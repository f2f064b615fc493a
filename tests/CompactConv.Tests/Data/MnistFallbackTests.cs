using CompactConv.Data;

namespace CompactConv.Tests.Data;

/// <summary>Where Fashion-MNIST comes from: the given folder, else the system copy, else the embedded subset.</summary>
public sealed class MnistFallbackTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _given;
    private readonly string _system;
    private readonly string _embedded;

    public MnistFallbackTests()
    {
        // Different sizes tell the three copies apart.
        _given = _temp.Folder("given");
        FakeMnist.Write(_given, 20, 10);
        _system = _temp.Folder("system");
        FakeMnist.Write(_system, 30, 10);
        _embedded = _temp.Folder("embedded");
        FakeMnist.Write(_embedded, 40, 10);
    }

    public void Dispose() => _temp.Dispose();

    private MnistLocations Locations(params string[] embedded) => new() { FashionMnistSystemDir = _system, EmbeddedSubsetDirs = embedded };

    [Fact]
    public void GivenFolderComesFirst()
    {
        ImageSplits splits = MnistFamily.Load("fashion-mnist", _given, Locations(_embedded));

        Assert.Equal(20, splits.Train.Count);
    }

    [Fact]
    public void SystemCopyComesBeforeEmbeddedSubset()
    {
        ImageSplits splits = MnistFamily.Load("fashion-mnist", null, Locations(_embedded));

        Assert.Equal(30, splits.Train.Count);
        Assert.Equal($"Fashion-MNIST full set (30 train / 10 test) from {_system}", splits.Source);
        Assert.Equal($"Fashion-MNIST full set from {_system}, train split", splits.Train.Source);
    }

    [Fact]
    public void IncompleteSystemCopyFallsBackToEmbeddedSubset()
    {
        File.Delete(Path.Combine(_system, MnistFiles.TestImages + ".gz"));

        ImageSplits splits = MnistFamily.Load("fashion-mnist", null, Locations(_embedded));

        Assert.Equal(40, splits.Train.Count);
        Assert.Equal($"embedded Fashion-MNIST subset (40 train / 10 test) from {_embedded}", splits.Source);
    }

    [Fact]
    public void FirstCompleteEmbeddedCandidateWins()
    {
        Directory.Delete(_system, recursive: true);
        string incomplete = _temp.Folder("incomplete");
        FakeMnist.Write(incomplete, 50, 10);
        File.Delete(Path.Combine(incomplete, MnistFiles.TrainLabels + ".gz"));

        ImageSplits splits = MnistFamily.Load("fashion-mnist", null, Locations(Path.Combine(_temp.Path, "absent"), incomplete, _embedded));

        Assert.Equal(40, splits.Train.Count);
    }

    [Fact]
    public void NothingFoundSaysWhatToDo()
    {
        Directory.Delete(_system, recursive: true);

        var error = Assert.Throws<DataException>(() => MnistFamily.Load("fashion-mnist", null, Locations(Path.Combine(_temp.Path, "absent"))));

        Assert.Equal(_system, error.Path);
        Assert.Contains("as ImageDataRequest.DataDir", error.Message);
    }

    [Fact]
    public void DefaultLocationsIncludeTheProgramFolderAndTheDebianFolder()
    {
        MnistLocations defaults = MnistLocations.Default;

        Assert.Equal("/usr/share/datasets/fashion-mnist", defaults.FashionMnistSystemDir);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist-subset"), defaults.EmbeddedSubsetDirs[0]);
    }
}
