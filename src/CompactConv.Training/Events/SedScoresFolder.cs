using CompactConv.Data.Events;

namespace CompactConv.Events;

/// <summary>A folder of score files read by <see cref="SedScoresTsv.ReadFolder"/>.</summary>
/// <param name="Folder">The folder read.</param>
/// <param name="ClassNames">The class columns, the same in every file.</param>
/// <param name="FrameSeconds">The hop: the length of the first file's first frame.</param>
/// <param name="Clips">Each file's scores [frames, classes], named by audio id (the file's path below the folder without ".tsv").</param>
/// <param name="LastOffsets">Each audio id's last frame offset: its length when no other is known.</param>
public sealed record SedScoresFolder(string Folder, IReadOnlyList<string> ClassNames, double FrameSeconds,
    IReadOnlyList<ClipPosteriors> Clips, IReadOnlyDictionary<string, double> LastOffsets)
{
    /// <summary>
    /// The clips and their lengths under the file names of <paramref name="reference"/> (a.wav for the score file
    /// a.tsv): every file of the reference needs a score file and every score file a file of the reference,
    /// as sed_scores_eval requires.
    /// </summary>
    /// <exception cref="DataException">A file of the reference without scores, a score file the reference does not name,
    /// or two reference files with one audio id.</exception>
    public (IReadOnlyList<ClipPosteriors> Clips, IReadOnlyDictionary<string, double> LastOffsets) ForReference(EventList reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in reference.Files.Concat(reference.Events.Select(e => e.File)).Distinct(StringComparer.Ordinal))
        {
            string id = SedScoresTsv.AudioId(file);
            if (!names.TryAdd(id, file))
                throw new DataException(Folder, $"the reference names {names[id]} and {file}, which share the score file {id}.tsv");
        }
        var scored = Clips.Select(c => c.File).ToHashSet(StringComparer.Ordinal);
        if (names.Keys.Where(id => !scored.Contains(id)).ToList() is [var missing, ..] allMissing)
            throw new DataException(Folder, $"no score file {missing}.tsv for {names[missing]} of the reference{More(allMissing.Count)}");
        if (Clips.FirstOrDefault(c => !names.ContainsKey(c.File)) is { } extra)
            throw new DataException(Folder, $"{extra.File}.tsv scores a file the reference does not name");
        return (Clips.Select(c => c with { File = names[c.File] }).ToList(),
            LastOffsets.ToDictionary(o => names[o.Key], o => o.Value, StringComparer.Ordinal));
    }

    private static string More(int count) => count > 1 ? $" (and {count - 1} more)" : "";
}
