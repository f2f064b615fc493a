using CompactConv.Data.Audio;

namespace CompactConv.Tests.Data.Audio;

/// <summary>Writes dataset layouts with stand-in audio files: the loaders never decode audio.</summary>
internal static class AudioFixtures
{
    public static void WriteAudio(string root, params string[] relativePaths)
    {
        foreach (string relative in relativePaths)
        {
            string path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [0x52, 0x49, 0x46, 0x46]);
        }
    }

    public static void WriteLines(string root, string relative, params string[] lines)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    /// <summary>
    /// Asserts a load fails against <paramref name="path"/> with exactly these problems, in order;
    /// the message shows the first five.
    /// </summary>
    public static DataException AssertProblems<T>(Func<T> load, string path, params string[] problems)
    {
        var error = Assert.Throws<DataException>(() => load());
        Assert.Equal(path, error.Path);
        string count = problems.Length == 1 ? "1 problem" : $"{problems.Length} problems";
        string shown = string.Join("; ", problems.Take(5)) + (problems.Length > 5 ? $"; ... and {problems.Length - 5} more" : "");
        Assert.Equal($"{path}: {count}: {shown}", error.Message);
        return error;
    }

    public static string[] FileNames(IEnumerable<AudioExample> examples) =>
        examples.Select(e => Path.GetFileName(e.Path)).ToArray();
}
