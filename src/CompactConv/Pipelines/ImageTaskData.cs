using CompactConv.Data;
using CompactConv.Data.Images;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>Normalised train and test tensors of an image classification task, with their provenance.</summary>
public sealed class ImageTaskData : IDisposable
{
    /// <summary>Training split, normalised.</summary>
    public required TensorDataset Train { get; init; }

    /// <summary>Test split, normalised with the training statistics.</summary>
    public required TensorDataset Test { get; init; }

    /// <summary>
    /// The training split as bytes, the same images as <see cref="Train"/> in the same order: what an
    /// <see cref="Training.Batches.ImageBatchSource"/> augments batch by batch.
    /// </summary>
    public required ImageDataset TrainImages { get; init; }

    /// <summary>Class names.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Where the data came from (printed by every command).</summary>
    public required string Source { get; init; }

    /// <summary>Per-channel statistics of the training split.</summary>
    public required Normalization Normalization { get; init; }

    /// <summary>Per-sample input shape [C, H, W].</summary>
    public required int[] InputShape { get; init; }

    /// <summary>What loading noticed and every image skipped (with the reason), for the user to read.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Loads any dataset of <see cref="ImageDatasets.Names"/>, optionally cut to class-balanced
    /// subsets, and normalises it with <paramref name="normalization"/> or, when null, with the
    /// training split's own statistics.
    /// </summary>
    /// <param name="dataset">Dataset name (cifar10, cifar100, mnist, fashion-mnist, folders).</param>
    /// <param name="dataDir">Dataset folder; null only for Fashion-MNIST's default copies.</param>
    /// <param name="trainLimit">Train on a seeded class-balanced subset of at most this many images.</param>
    /// <param name="testLimit">Test on a seeded class-balanced subset of at most this many images.</param>
    /// <param name="seed">Seed of the subsets and, when <paramref name="imageOptions"/> is null, of a folder layout's split.</param>
    /// <param name="normalization">Statistics to use (a resumed or evaluated run's); null computes them.</param>
    /// <param name="imageOptions">Dataset-specific options (<see cref="ImageDatasets.Load"/>).</param>
    public static ImageTaskData Load(string dataset, string? dataDir, int? trainLimit = null, int? testLimit = null,
        int seed = 0, Normalization? normalization = null, ImageDatasetOptions? imageOptions = null)
    {
        var splits = ImageDatasets.Load(dataset, dataDir, imageOptions ?? new ImageDatasetOptions { Seed = seed });
        var train = Limit(splits.Train, trainLimit, seed);
        var test = Limit(splits.Test, testLimit, seed + 1);
        var (trainImages, trainLabels) = train.ToTensors();
        var (testImages, testLabels) = test.ToTensors();
        var trainSet = new TensorDataset(trainImages, trainLabels);
        var testSet = new TensorDataset(testImages, testLabels);
        normalization ??= trainSet.ComputeNormalization();
        trainSet.Normalize(normalization);
        testSet.Normalize(normalization);
        string source = splits.Source;
        if (train.Count != splits.Train.Count || test.Count != splits.Test.Count)
        {
            source += $"; class-balanced subset of {train.Count:N0} train / {test.Count:N0} test images";
        }
        return new ImageTaskData
        {
            Train = trainSet,
            Test = testSet,
            TrainImages = train,
            ClassNames = splits.Train.ClassNames,
            Source = source,
            Normalization = normalization,
            InputShape = [train.Channels, train.Height, train.Width],
            Notes = [.. splits.Notes, .. splits.Skipped.Select(s => $"skipped {s}")],
        };
    }

    private static ImageDataset Limit(ImageDataset data, int? limit, int seed) =>
        limit is { } n && n < data.Count ? data.Take(BalancedSubset.Indices(data.Labels, n, seed)) : data;

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
