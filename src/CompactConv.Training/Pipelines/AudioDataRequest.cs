using CompactConv.Audio.Features;
using CompactConv.Data.Events;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// What to load for an audio run, scenes (<see cref="SceneTaskData"/>) or events (<see cref="EventTaskData"/>):
/// both read a dataset layout through the same log-mel front end and feature cache, so one record carries
/// those settings and the few that only one task reads say so.
/// </summary>
public sealed record AudioDataRequest
{
    /// <summary>Dataset layout name: scenes tau2019, tau2020, esc50, urbansound8k, folders; events urbansed, desed, tsv (see <see cref="EventDatasets"/>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Dataset root folder.</summary>
    public required string DataDir { get; init; }

    /// <summary>Leave out files, rows, clips and events with problems (including undecodable audio) instead of failing, listing them.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Log-mel front end; for events its hop is also the frame step of the targets.</summary>
    public LogMelOptions Features { get; init; } = new();

    /// <summary>Feature cache folder (default: <see cref="DefaultCacheDir"/>, shared by scene and event runs).</summary>
    public string? CacheDir { get; init; }

    /// <summary>Workers computing features.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the dataset's own splits (folders layout) and of the validation hold-out.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Share of the training clips held out for validation (model selection, and thresholds for events) when
    /// the dataset names no validation clips, in [0, 1). Scene clips are held out whole source recordings at
    /// a time, so that pieces of one recording never straddle the split.
    /// </summary>
    public double ValidationFraction { get; init; } = RunConfig.DefaultValidationFraction;

    /// <summary>
    /// Also extract and load the test split. Training leaves it out, so that nothing a run chooses can
    /// depend on it; evaluation and <c>features</c> read it.
    /// </summary>
    public bool IncludeTest { get; init; }

    /// <summary>Scenes only: the test fold of layouts that have folds (required by esc50 and urbansound8k).</summary>
    public int? Fold { get; init; }

    /// <summary>
    /// Events only: length every clip is padded or cut to, in seconds (turned into the frame count of a clip
    /// of that many samples); null takes the longest training clip.
    /// </summary>
    public double? ClipSeconds { get; init; }

    /// <summary>Events only: annotation files to read instead of the layout's own (desed and tsv); null uses the layout's.</summary>
    public IReadOnlyList<EventSplitFile>? SplitFiles { get; init; }

    /// <summary>
    /// The request a saved run's config describes, so that evaluating or resuming reads the same data: with
    /// an optional other data folder and another feature cache than the run's.
    /// </summary>
    /// <exception cref="DataException">The run names no data folder and none is given.</exception>
    public static AudioDataRequest For(RunConfig config, string? dataDir, string? cacheDir, bool includeTest = false) => new()
    {
        Dataset = config.Dataset,
        DataDir = dataDir ?? config.DataDir ?? throw new DataException("config.json", $"the run names no data folder; give one as {nameof(AudioDataRequest)}.{nameof(For)}(dataDir)"),
        Fold = config.Fold,
        SkipBad = config.SkipBad,
        Features = config.Features ?? new LogMelOptions(),
        CacheDir = cacheDir ?? config.FeatureCacheDir,
        Seed = config.Training.Seed,
        ValidationFraction = config.ValidationFraction,
        IncludeTest = includeTest,
    };

    /// <summary>The per-user cache folder: $XDG_CACHE_HOME/compactconv/features or ~/.cache/compactconv/features.</summary>
    public static string DefaultCacheDir
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "compactconv", "features");
        }
    }

    /// <summary>
    /// The run config of an audio run trained on what this request loaded: the dataset settings, the
    /// features and their cache, the model <paramref name="buildSpec"/> makes for the data's shape and classes,
    /// the training-split statistics and the options. Scenes and events differ only in what they add.
    /// </summary>
    internal RunConfig ToRunConfig(string task, string source, int[] inputShape, IReadOnlyList<string> classNames, Normalization normalization,
        string featureCacheDir, Func<int[], int, Models.ModelSpec> buildSpec, TrainingOptions training) => new()
    {
        Task = task,
        Dataset = Dataset,
        DataDir = RunConfig.FullDataPath(DataDir),
        DataSource = source,
        ValidationFraction = ValidationFraction,
        Fold = Fold,
        Features = Features,
        FeatureCacheDir = featureCacheDir,
        SkipBad = SkipBad,
        Model = buildSpec(inputShape, classNames.Count),
        ClassNames = classNames.ToArray(),
        Normalization = normalization,
        Training = training,
    };
}
