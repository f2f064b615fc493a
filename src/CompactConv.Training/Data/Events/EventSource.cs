namespace CompactConv.Data.Events;

/// <summary>One annotation file of a tab-separated layout and the folder its file names are relative to.</summary>
/// <param name="Split">The split its clips go to.</param>
/// <param name="Annotations">Absolute path of the annotation file.</param>
/// <param name="AudioFolder">Absolute path of the audio folder.</param>
/// <param name="Weak">Clip-level labels (<c>filename event_labels</c>) instead of events.</param>
internal sealed record EventSource(EventSplit Split, string Annotations, string AudioFolder, bool Weak)
{
    /// <summary>The sources <paramref name="files"/> describe, relative paths taken from <paramref name="dataDir"/>.</summary>
    public static List<EventSource> From(IEnumerable<EventSplitFile> files, string dataDir) =>
        files.Select(f => new EventSource(f.Split, Path.GetFullPath(f.Annotations, dataDir), Path.GetFullPath(f.AudioFolder, dataDir), f.Weak)).ToList();
}
