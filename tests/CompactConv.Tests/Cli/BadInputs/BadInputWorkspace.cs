namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// The fresh folder one bad-input case builds its fixtures in, with the shared trained runs. Paths are
/// named, so that a case's arguments and the names its message must contain agree.
/// </summary>
public sealed class BadInputWorkspace(TrainedRuns runs) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>The case's folder.</summary>
    public string Root => _folder.Path;

    /// <summary>The shared runs (trained on first use).</summary>
    public TrainedRuns Runs { get; } = runs;

    /// <summary>A feature cache folder of this case, left out of the "nothing written" check.</summary>
    public string Cache => Path(TrainedRuns.CacheFolder);

    /// <summary>The path <paramref name="name"/> in the case's folder; nothing is created.</summary>
    public string Path(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>Writes <paramref name="name"/> with <paramref name="lines"/> and returns its path.</summary>
    public string Text(string name, params string[] lines) => BadInputData.Lines(Path(name), lines);

    /// <summary>Writes <paramref name="name"/> with <paramref name="bytes"/> and returns its path.</summary>
    public string Bytes(string name, byte[] bytes)
    {
        string path = Path(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Creates the folder <paramref name="name"/> and returns its path.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path(name)).FullName;

    /// <summary>A float WAV named <paramref name="name"/> whose samples overflow the power spectrum.</summary>
    public string HugeWav(string name = "huge.wav") => BadInputData.HugeWav(Path(name));

    /// <summary>A copy of <paramref name="folder"/> named <paramref name="name"/>.</summary>
    public string Copy(string folder, string name) => BadInputData.Copy(folder, Path(name));

    public void Dispose() => _folder.Dispose();
}
