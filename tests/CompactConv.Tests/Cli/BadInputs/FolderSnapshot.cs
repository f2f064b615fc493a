namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// Every folder and file under a root with each file's length and last-write time, so that a test
/// can show a refused command wrote nothing: no run folder, no half-written output, no touched file.
/// </summary>
public sealed record FolderSnapshot(IReadOnlyList<string> Entries)
{
    /// <summary>Takes the snapshot; folders named in <paramref name="ignored"/> (feature caches, which any read may fill) are left out with their content.</summary>
    public static FolderSnapshot Take(string root, params string[] ignored)
    {
        var entries = new List<string>();
        if (Directory.Exists(root)) Walk(root, root, ignored, entries);
        entries.Sort(StringComparer.Ordinal);
        return new FolderSnapshot(entries);
    }

    /// <summary>Entries added, removed or changed between this snapshot and <paramref name="after"/>.</summary>
    public IReadOnlyList<string> ChangesTo(FolderSnapshot after) =>
        [.. Entries.Except(after.Entries).Select(e => $"- {e}"), .. after.Entries.Except(Entries).Select(e => $"+ {e}")];

    private static void Walk(string root, string folder, string[] ignored, List<string> entries)
    {
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            if (ignored.Contains(Path.GetFileName(directory), StringComparer.Ordinal)) continue;
            entries.Add(Path.GetRelativePath(root, directory) + "/");
            Walk(root, directory, ignored, entries);
        }
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var info = new FileInfo(file);
            entries.Add($"{Path.GetRelativePath(root, file)} {info.Length} {info.LastWriteTimeUtc.Ticks}");
        }
    }
}
