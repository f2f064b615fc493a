using System.Globalization;
using CompactConv.Data;
using CompactConv.Data.Images;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// Normalised training, validation and (on request) test tensors of an image classification task,
/// with their provenance. The validation split chooses the best epoch; the test split is only read
/// to report.
/// </summary>
public sealed class ImageTaskData : IDisposable
{
    /// <summary>Training split, normalised.</summary>
    public required TensorDataset Train { get; init; }

    /// <summary>Validation split, normalised with the training statistics; null when none was held out.</summary>
    public TensorDataset? Validation { get; init; }

    /// <summary>Test split, normalised with the training statistics; null unless <see cref="ImageDataRequest.IncludeTest"/>.</summary>
    public TensorDataset? Test { get; init; }

    /// <summary>
    /// The training split as bytes, the same images as <see cref="Train"/> in the same order: what an
    /// <see cref="Training.Batches.ImageBatchSource"/> augments batch by batch.
    /// </summary>
    public required ImageDataset TrainImages { get; init; }

    /// <summary>Class names.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Where the data came from and how it was divided (printed by every command).</summary>
    public required string Source { get; init; }

    /// <summary>Per-channel statistics of the training split.</summary>
    public required Normalization Normalization { get; init; }

    /// <summary>Per-sample input shape [C, H, W].</summary>
    public required int[] InputShape { get; init; }

    /// <summary>What loading noticed and every image skipped (with the reason), for the user to read.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Loads any dataset of <see cref="ImageDatasets.Names"/>: the training split, optionally cut to a
    /// class-balanced subset, is divided into training and validation images (stratified by class,
    /// seeded) unless the dataset has its own validation split; everything is normalised with the
    /// statistics of <paramref name="run"/> (a run being resumed) or, when null, with the training images' own.
    /// </summary>
    /// <exception cref="DataException">The images cannot be read, are of fewer than two classes, or are not of <paramref name="run"/>'s input shape.</exception>
    public static ImageTaskData Load(ImageDataRequest request, RunConfig? run = null)
    {
        request.Validate();
        var splits = ImageDatasets.Load(request.Dataset, request.DataDir, request.ImageData ?? new ImageDatasetOptions { Seed = request.Seed });
        ClassificationClasses.Require(splits.Train.ClassNames, request.DataDir ?? splits.Source);
        if (run is not null) RunInputShape.Require(splits.Train, run.Model.InputShape, request.DataDir ?? splits.Source);
        var normalization = run?.Normalization;
        var notes = new List<string>(splits.Notes);
        notes.AddRange(splits.Skipped.Select(s => $"skipped {s}"));
        var pool = Limit(splits.Train, request.TrainLimit, request.Seed);
        var (train, validation, validationText) = Divide(pool, splits.Validation, request);
        var test = request.IncludeTest ? Limit(splits.Test, request.TestLimit, request.Seed + 1) : null;

        var trainSet = ToTensors(train);
        normalization ??= trainSet.ComputeNormalization();
        trainSet.Normalize(normalization);
        var validationSet = validation is null ? null : Normalized(validation, normalization);
        var testSet = test is null ? null : Normalized(test, normalization);

        string source = splits.Source;
        if (pool.Count != splits.Train.Count)
            source += string.Create(CultureInfo.InvariantCulture, $"; class-balanced subset of {pool.Count:N0} training-split images");
        source += string.Create(CultureInfo.InvariantCulture, $"; {train.Count:N0} train / {validationText}");
        if (test is not null)
            source += test.Count == splits.Test.Count
                ? string.Create(CultureInfo.InvariantCulture, $" / {test.Count:N0} test")
                : string.Create(CultureInfo.InvariantCulture, $" / class-balanced subset of {test.Count:N0} test");
        return new ImageTaskData
        {
            Train = trainSet,
            Validation = validationSet,
            Test = testSet,
            TrainImages = train,
            ClassNames = splits.Train.ClassNames,
            Source = source,
            Normalization = normalization,
            InputShape = [train.Channels, train.Height, train.Width],
            Notes = notes,
        };
    }

    // The dataset's own validation split, or a stratified share held out of the training images.
    private static (ImageDataset Train, ImageDataset? Validation, string Text) Divide(ImageDataset pool, ImageDataset? own, ImageDataRequest request)
    {
        if (own is not null)
            return (pool, own, string.Create(CultureInfo.InvariantCulture, $"{own.Count:N0} validation (the dataset's own split; {nameof(ImageDataRequest)}.{nameof(ImageDataRequest.ValidationFraction)} does not apply)"));
        var heldOut = StratifiedSplit.HeldOutIndices(pool.Labels, request.ValidationFraction, request.Seed);
        if (heldOut.Length == 0)
            return (pool, null, "no validation images (the last epoch is the chosen one)");
        var held = new HashSet<int>(heldOut);
        var kept = Enumerable.Range(0, pool.Count).Where(i => !held.Contains(i)).ToArray();
        return (pool.Take(kept), pool.Take(heldOut), string.Create(CultureInfo.InvariantCulture,
            $"{heldOut.Length:N0} validation (held out of the training split, fraction {request.ValidationFraction}, stratified, seed {request.Seed})"));
    }

    private static ImageDataset Limit(ImageDataset data, int? limit, int seed) =>
        limit is { } n && n < data.Count ? data.Take(BalancedSubset.Indices(data.Labels, n, seed)) : data;

    private static TensorDataset ToTensors(ImageDataset data)
    {
        var (images, labels) = data.ToTensors();
        return new TensorDataset(images, labels);
    }

    private static TensorDataset Normalized(ImageDataset data, Normalization normalization)
    {
        var set = ToTensors(data);
        set.Normalize(normalization);
        return set;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
        Test?.Dispose();
    }
}
