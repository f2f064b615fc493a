namespace CompactConv.Data;

/// <summary>
/// Where data that ships in the repository's <c>data/</c> folder can be found: next to the program
/// (a published compactconv carries it there), then in the nearest ancestor of the current folder or of
/// the program folder that has it (tests and <c>dotnet run</c> inside the repository).
/// </summary>
public static class EmbeddedDataFolders
{
    /// <summary>
    /// The candidate folders of <paramref name="relativeDir"/> (e.g. <c>data/audio-samples</c>), in the
    /// order to try them, without duplicates. Computed on each call because the current folder can change.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string relativeDir)
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, relativeDir) };
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relativeDir);
                if (!candidates.Contains(candidate, StringComparer.Ordinal))
                    candidates.Add(candidate);
            }
        }
        return candidates;
    }
}
