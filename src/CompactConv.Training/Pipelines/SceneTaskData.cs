using CompactConv.Audio.Features;
using CompactConv.Data.Audio;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>What to load for a scene classification run.</summary>
public sealed record SceneDataRequest
{
    /// <summary>Dataset layout name (tau2019, tau2020, esc50, urbansound8k, folders).</summary>
    public required string Dataset { get; init; }

    /// <summary>Dataset root folder.</summary>
    public required string DataDir { get; init; }

    /// <summary>Test fold (required by esc50 and urbansound8k).</summary>
    public int? Fold { get; init; }

    /// <summary>Drop unreadable files and bad metadata rows instead of failing, listing them.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Log-mel front end.</summary>
    public LogMelOptions Features { get; init; } = new();

    /// <summary>Feature cache folder (default: <see cref="DefaultCacheDir"/>).</summary>
    public string? CacheDir { get; init; }

    /// <summary>Workers computing features.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the dataset's own splits (folders layout, validation hold-out).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Share of the training clips held out for validation (model selection), whole source recordings
    /// at a time so that pieces of one recording never straddle the split; in [0, 1). Ignored when the
    /// dataset's split files name validation clips.
    /// </summary>
    public double ValidationFraction { get; init; } = RunConfig.DefaultValidationFraction;

    /// <summary>
    /// Also extract and load the test split. Training leaves it out, so that nothing a run chooses can
    /// depend on it; evaluation and <c>features</c> read it.
    /// </summary>
    public bool IncludeTest { get; init; }

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
}

/// <summary>
/// Log-mel features of a scene dataset as normalised tensors [N, 1, mels, frames], with the
/// splits' labels, devices and provenance. Clips of different lengths are cut or zero-padded
/// (zero is the band mean after normalisation) to the longest training clip.
/// </summary>
public sealed class SceneTaskData : IDisposable
{
    /// <summary>Training split.</summary>
    public required TensorDataset Train { get; init; }

    /// <summary>Validation split (the dataset's own, or held out of training by source recording); null when there is none.</summary>
    public TensorDataset? Validation { get; init; }

    /// <summary>Test split; null unless <see cref="SceneDataRequest.IncludeTest"/>.</summary>
    public TensorDataset? Test { get; init; }

    /// <summary>Class names.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Recording device of each test example (null where unknown); empty without the test split.</summary>
    public required IReadOnlyList<string?> TestDevices { get; init; }

    /// <summary>Test examples in tensor order; empty without the test split.</summary>
    public required IReadOnlyList<AudioExample> TestExamples { get; init; }

    /// <summary>Per-mel-band mean and std of the training split.</summary>
    public required Normalization Normalization { get; init; }

    /// <summary>Where the data came from, and what was skipped or warned about.</summary>
    public required string Source { get; init; }

    /// <summary>Problems skipped with --skip-bad and dataset warnings.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Per-example input shape [1, mels, frames].</summary>
    public required int[] InputShape { get; init; }

    /// <summary>Feature extraction figures.</summary>
    public required FeatureCacheFillResult Extraction { get; init; }

    /// <summary>
    /// Loads the splits, checks every audio file, fills the feature cache and builds normalised
    /// tensors of the training and validation splits (and the test split on request). With
    /// <paramref name="normalization"/> and <paramref name="frames"/> from a saved run, the same
    /// statistics and length are used.
    /// </summary>
    /// <exception cref="DataException">The dataset is broken, has fewer than two classes, or files cannot be decoded (without skip-bad).</exception>
    public static SceneTaskData Load(SceneDataRequest request, IProgress<int>? progress = null,
        Normalization? normalization = null, int? frames = null)
    {
        request.Features.Validate();
        var splits = AudioDatasets.Load(request.Dataset, request.DataDir, request.Fold,
            new AudioDatasetOptions { SkipBad = request.SkipBad, Seed = request.Seed, ValidationFraction = request.ValidationFraction });
        // Before minutes of feature extraction.
        ClassificationClasses.Require(splits.ClassNames, request.DataDir);
        var notes = new List<string>(splits.Warnings);
        notes.AddRange(splits.Skipped);
        var train = splits.Train.ToList();
        var validation = splits.Validation.ToList();
        var test = request.IncludeTest ? splits.Test.ToList() : [];

        var features = LogMelData.Extract(train.Concat(validation).Concat(test).Select(e => e.Path), request.Features,
            request.CacheDir ?? SceneDataRequest.DefaultCacheDir, request.Parallelism, request.SkipBad, request.DataDir, notes, progress);
        foreach (var part in new[] { train, validation, test }) part.RemoveAll(e => features.Failed.Contains(e.Path));

        var classIndex = splits.ClassNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => (long)p.i, StringComparer.Ordinal);
        var trainFeatures = train.Select(e => features.Get(e.Path)).ToList();
        int length = frames ?? trainFeatures.Max(f => f.GetLength(1));
        normalization ??= LogMelData.FitBands(trainFeatures);
        var trainSet = ToDataset(trainFeatures, train.Select(e => classIndex[e.Label]).ToArray(), length, normalization);
        TensorDataset? Part(List<AudioExample> examples) => examples.Count == 0 ? null
            : ToDataset(examples.Select(e => features.Get(e.Path)).ToList(), examples.Select(e => classIndex[e.Label]).ToArray(), length, normalization);
        string testText = request.IncludeTest ? $" / {test.Count:N0} test" : "";
        return new SceneTaskData
        {
            Train = trainSet,
            Validation = Part(validation),
            Test = Part(test),
            ClassNames = splits.ClassNames,
            TestDevices = test.Select(e => e.Device).ToList(),
            TestExamples = test,
            Normalization = normalization,
            Source = $"{splits.Source}; decoded {train.Count:N0} train / {validation.Count:N0} validation{testText} clips" + (notes.Count > 0 ? $" ({notes.Count} note(s))" : ""),
            Notes = notes,
            InputShape = [1, request.Features.NMels, length],
            Extraction = features.Extraction,
        };
    }

    /// <summary>
    /// Normalises [mels, frames] features per band and stacks them into [N, 1, mels, length],
    /// cutting longer clips and padding shorter ones with zeros (the band mean after normalisation).
    /// </summary>
    public static TensorDataset ToDataset(IReadOnlyList<float[,]> features, long[] labels, int length, Normalization normalization) =>
        new(LogMelData.Stack(features, length, normalization), tensor(labels));

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
        Test?.Dispose();
    }
}
