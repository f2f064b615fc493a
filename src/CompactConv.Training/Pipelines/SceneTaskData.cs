using CompactConv.Audio.Features;
using CompactConv.Data.Audio;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

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

    /// <summary>Test split; null unless <see cref="AudioDataRequest.IncludeTest"/>.</summary>
    public TensorDataset? Test { get; init; }

    /// <summary>Class names.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Recording device of each test example (null where unknown); empty without the test split.</summary>
    public required IReadOnlyList<string?> TestDevices { get; init; }

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
    public static SceneTaskData Load(AudioDataRequest request, IProgress<int>? progress = null,
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
            request.CacheDir ?? AudioDataRequest.DefaultCacheDir, request.Parallelism, request.SkipBad, request.DataDir, notes, progress);
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
