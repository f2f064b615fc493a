namespace CompactConv.Audio;

/// <summary>
/// Opens audio files and turns the operating system's and decoders' failures into
/// <see cref="DataException"/>s with one-line problems, so that readers and the checker report
/// the same text for the same file.
/// </summary>
internal static class AudioFileAccess
{
    /// <summary>Runs <paramref name="read"/> on the opened file, translating I/O failures.</summary>
    public static T Read<T>(string path, Func<FileStream, T> read)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            return read(file);
        }
        catch (FileNotFoundException)
        {
            throw new DataException(path, "file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DataException(path, "file not found (its folder does not exist)");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new DataException(path, "is a folder, not an audio file");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException(path, $"cannot read: {OneLine(e.Message)}", e);
        }
        catch (IOException e)
        {
            throw new DataException(path, $"cannot read: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>Collapses a library's message to one line, for the one-line problem text.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
