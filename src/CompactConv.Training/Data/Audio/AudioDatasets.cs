using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// Reads sound classification datasets in the layouts their authors distribute (TAU Urban Acoustic
/// Scenes 2019/2020 development, ESC-50, UrbanSound8K) or as a folder per class. Only metadata is
/// read and audio files are only checked for existence; decoding happens at feature extraction.
/// </summary>
public static class AudioDatasets
{
    /// <summary>TAU Urban Acoustic Scenes 2019 development (DCASE2019 task 1A).</summary>
    public const string Tau2019 = "tau2019";

    /// <summary>TAU Urban Acoustic Scenes 2020 Mobile development (DCASE2020 task 1A).</summary>
    public const string Tau2020 = "tau2020";

    /// <summary>ESC-50, environmental sound classification in five folds.</summary>
    public const string Esc50 = "esc50";

    /// <summary>UrbanSound8K, urban sound classification in ten folds.</summary>
    public const string UrbanSound8k = "urbansound8k";

    /// <summary>One folder per class of .wav/.ogg clips.</summary>
    public const string Folders = "folders";

    /// <summary>The dataset names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [Tau2019, Tau2020, Esc50, UrbanSound8k, Folders];

    /// <summary>
    /// Reads dataset <paramref name="name"/> from <paramref name="dataDir"/>, reporting every problem
    /// found rather than the first.
    /// </summary>
    /// <param name="name">One of <see cref="Names"/> (case-insensitive).</param>
    /// <param name="dataDir">The dataset's top folder, as unpacked.</param>
    /// <param name="fold">TAU: the evaluation setup fold (default and only official one: 1).
    /// ESC-50 (1-5) and UrbanSound8K (1-10): the test fold, required. Folders: must be null.</param>
    /// <param name="options">Skipping, validation and test fractions, seed; defaults when null.</param>
    /// <exception cref="ArgumentException">Unknown name, or a fold or option value out of range.</exception>
    /// <exception cref="DataException">A metadata file is missing or unreadable, or examples have problems
    /// and <see cref="AudioDatasetOptions.SkipBad"/> is off; the message counts and lists them.</exception>
    public static AudioSplits Load(string name, string dataDir, int? fold = null, AudioDatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dataDir);
        string canonical = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown audio dataset '{name}'; choose one of {string.Join(", ", Names)}");
        options ??= new AudioDatasetOptions();
        CheckFraction($"{nameof(AudioDatasetOptions)}.{nameof(AudioDatasetOptions.ValidationFraction)}", options.ValidationFraction);
        CheckFraction($"{nameof(AudioDatasetOptions)}.{nameof(AudioDatasetOptions.TestFraction)}", options.TestFraction);
        if (dataDir.Length == 0)
            throw new ArgumentException($"{Request}.DataDir must name the dataset folder");
        if (!Directory.Exists(dataDir))
            throw new DataException(dataDir, "dataset folder not found");
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));

        return canonical switch
        {
            Tau2019 => TauLayout.Load("TAU Urban Acoustic Scenes 2019 development", root, TauFold(canonical, fold), options),
            Tau2020 => TauLayout.Load("TAU Urban Acoustic Scenes 2020 Mobile development", root, TauFold(canonical, fold), options),
            Esc50 => Esc50Layout.Load(root, TestFold(canonical, fold, Esc50Layout.Folds), options),
            UrbanSound8k => UrbanSound8kLayout.Load(root, TestFold(canonical, fold, UrbanSound8kLayout.Folds), options),
            _ => FolderLayout.Load(root, NoFold(fold, options)),
        };
    }

    // The fold and the folder reach Load from the audio pipelines' request, so messages name them there.
    private const string Request = nameof(Pipelines.AudioDataRequest);

    private static void CheckFraction(string option, double value)
    {
        // Written so that NaN fails too.
        if (!(value >= 0 && value < 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} must be at least 0 and below 1, got {value}"));
    }

    private static int TauFold(string name, int? fold)
    {
        if (fold is < 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Request}.Fold must be at least 1 for {name}, got {fold}"));
        return fold ?? 1;
    }

    private static int TestFold(string name, int? fold, int folds)
    {
        if (fold is null)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Request}.Fold is required for {name} (1-{folds})"));
        if (fold < 1 || fold > folds)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Request}.Fold must be 1-{folds} for {name}, got {fold}"));
        return fold.Value;
    }

    private static AudioDatasetOptions NoFold(int? fold, AudioDatasetOptions options) =>
        fold is null ? options : throw new ArgumentException($"{Request}.Fold does not apply to {Folders}; its split is seeded or given by split.csv");
}
