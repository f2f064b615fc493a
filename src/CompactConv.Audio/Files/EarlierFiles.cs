using System.Globalization;

namespace CompactConv.IO;

/// <summary>
/// Keeps files that a new run is about to replace: each is renamed with a timestamp suffix
/// (<c>results.csv</c> to <c>results-20261203T141500Z.csv</c>), so earlier measurements are never
/// overwritten silently. Files kept together share one timestamp, the last-write time (UTC) of the
/// first one that exists, so a results file and its report stay recognisably one pair.
/// </summary>
public static class EarlierFiles
{
    /// <summary>
    /// Renames those of <paramref name="names"/> that exist in <paramref name="folder"/> and returns
    /// (old path, new path) for each. A suffix -2, -3, ... is added when a file of that timestamp is
    /// already kept, so no kept file is ever replaced either.
    /// </summary>
    public static IReadOnlyList<(string From, string To)> Keep(string folder, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var existing = names.Select(n => Path.Combine(folder, n)).Where(File.Exists).ToList();
        if (existing.Count == 0) return [];
        string stamp = File.GetLastWriteTimeUtc(existing[0]).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var targets = Enumerable.Range(1, int.MaxValue)
            .Select(n => existing.Select(path => Stamped(path, n == 1 ? stamp : $"{stamp}-{n}")).ToList())
            .First(paths => !paths.Any(File.Exists));
        var kept = new List<(string, string)>();
        for (int i = 0; i < existing.Count; i++)
        {
            // Without overwrite: a file of that name appearing meanwhile stops the move instead of being lost.
            File.Move(existing[i], targets[i], overwrite: false);
            kept.Add((existing[i], targets[i]));
        }
        return kept;
    }

    private static string Stamped(string path, string stamp) =>
        Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{stamp}{Path.GetExtension(path)}");
}
