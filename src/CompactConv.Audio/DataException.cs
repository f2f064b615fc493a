namespace CompactConv;

/// <summary>
/// Bad input data: a missing, truncated or malformed file, or content that contradicts the
/// configuration. The message always starts with the offending path so that a command line
/// can print it as one line.
/// </summary>
public sealed class DataException : Exception
{
    /// <summary>The file or folder at fault.</summary>
    public string Path { get; }

    /// <summary>Creates the error for <paramref name="path"/> with a one-line description of the problem.</summary>
    public DataException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }
}
