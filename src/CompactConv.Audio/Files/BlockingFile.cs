namespace CompactConv.IO;

/// <summary>
/// The file that stands where a path is to be written: the path itself or one of its parent folders
/// being a file makes every write there fail, with a .NET message that names neither the path nor the cause.
/// </summary>
public static class BlockingFile
{
    /// <summary>
    /// The full path of the file at <paramref name="path"/> or at its nearest parent that is a file;
    /// null when the path and its parents up to the first existing folder are free of files.
    /// </summary>
    public static string? Of(string path)
    {
        for (string? part = Path.GetFullPath(path); part is not null; part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part)) return part;
            if (Directory.Exists(part)) return null;
        }
        return null;
    }
}
