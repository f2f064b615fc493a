namespace CompactConv.Data.Events;

/// <summary>How event loaders name files and splits in problem texts and find audio files.</summary>
internal static class EventPaths
{
    private static readonly string[] AudioExtensions = [".wav", ".ogg"];

    /// <summary><paramref name="path"/> relative to the dataset folder, '/'-separated; absolute when outside it.</summary>
    public static string Relative(string dataDir, string path)
    {
        string relative = Path.GetRelativePath(dataDir, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The split's name in texts: train, validation or test.</summary>
    public static string Name(EventSplit split) => split switch
    {
        EventSplit.Train => "train",
        EventSplit.Validation => "validation",
        _ => "test",
    };

    /// <summary>Whether the file is one the audio reader decodes (by extension).</summary>
    public static bool IsAudio(string file) =>
        AudioExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of the audio files directly in <paramref name="folder"/>, sorted ordinally; empty when it does not exist.</summary>
    public static List<string> AudioFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Where(IsAudio).Order(StringComparer.Ordinal).ToList()
            : [];
}
