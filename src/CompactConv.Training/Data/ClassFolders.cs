namespace CompactConv.Data;

/// <summary>Listing of a folder-per-class layout, shared by the audio and image folder layouts.</summary>
internal static class ClassFolders
{
    /// <summary>Sub-folder names of <paramref name="root"/>, ordinally sorted; hidden folders (.git, .cache) are never classes.</summary>
    public static IEnumerable<string> Names(string root) =>
        Directory.EnumerateDirectories(root).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal);

    /// <summary>
    /// Names of the files directly in <paramref name="folder"/> whose extension is one of
    /// <paramref name="extensions"/> (case-insensitive), ordinally sorted. Other files (notes, caches)
    /// are expected next to the data and are not errors.
    /// </summary>
    public static List<string> Files(string folder, IReadOnlyCollection<string> extensions) =>
        Directory.EnumerateFiles(folder)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();
}
