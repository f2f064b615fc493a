using CompactConv.Tests.Audio.Synthesis;

namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// The small, well-formed datasets the bad-input suite starts from (each case then breaks one thing):
/// audio at 8 kHz with a front end to match, written by the tests' own WAV writer.
/// </summary>
public static class BadInputData
{
    /// <summary>Audio rate of every fixture.</summary>
    public const int Rate = 8000;

    /// <summary>Seconds of every clip: long enough for the models' pooling at <see cref="FrontEnd"/>.</summary>
    public const double ClipSeconds = 2.0;

    /// <summary>A small front end that leaves no mel band empty at <see cref="Rate"/>.</summary>
    public static readonly string[] FrontEnd = ["--sample-rate", "8000", "--n-fft", "256", "--hop", "128", "--mels", "16"];

    /// <summary>
    /// A sample magnitude that float32 holds but whose power spectrum overflows to infinity: what a
    /// float WAV with a wrong scale (or garbage) delivers. NaN and infinity the WAV reader refuses itself.
    /// </summary>
    public const float HugeSample = 1e30f;

    /// <summary>Writes a float WAV of <see cref="ClipSeconds"/> whose samples are a sine of <see cref="HugeSample"/> amplitude.</summary>
    public static string HugeWav(string path)
    {
        TestWav.Write(path, TestWav.Sine(440, ClipSeconds, Rate, HugeSample), Rate, float32: true);
        return path;
    }

    /// <summary>Writes a quiet PCM WAV of <see cref="ClipSeconds"/>: a sine whose frequency tells the class.</summary>
    public static string Wav(string path, double frequency)
    {
        TestWav.Write(path, TestWav.Sine(frequency, ClipSeconds, Rate, 0.3), Rate);
        return path;
    }

    /// <summary>A scene "folders" dataset in <paramref name="root"/>: one folder of <paramref name="perClass"/> clips per class.</summary>
    public static string SceneFolders(string root, int perClass, params string[] classes)
    {
        for (int c = 0; c < classes.Length; c++)
        {
            for (int i = 0; i < perClass; i++)
                Wav(Path.Combine(root, classes[c], $"{classes[c]}{i}.wav"), 400 + 1500 * c);
        }
        return root;
    }

    /// <summary>
    /// A "tsv" event dataset in <paramref name="root"/>: train.tsv with six clips and test.tsv with two,
    /// each clip one event of 'low' or 'high' (a tone of that pitch), audio in audio/.
    /// </summary>
    public static string EventTsv(string root)
    {
        foreach (var (split, count, onset, offset) in new[] { ("train", 6, 0.5, 1.5), ("test", 2, 0.2, 1.0) })
        {
            var rows = new List<string> { "filename\tonset\toffset\tevent_label" };
            for (int i = 0; i < count; i++)
            {
                bool low = i % 2 == 0;
                Wav(Path.Combine(root, "audio", $"{split}{i}.wav"), low ? 400 : 1900);
                rows.Add(FormattableString.Invariant($"{split}{i}.wav\t{onset}\t{offset}\t{(low ? "low" : "high")}"));
            }
            Lines(Path.Combine(root, $"{split}.tsv"), [.. rows]);
        }
        return root;
    }

    /// <summary>Writes <paramref name="lines"/> as a text file with Unix line ends, creating its folder.</summary>
    public static string Lines(string path, params string[] lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>Copies the folder <paramref name="from"/> with everything in it to <paramref name="to"/>.</summary>
    public static string Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }
}
