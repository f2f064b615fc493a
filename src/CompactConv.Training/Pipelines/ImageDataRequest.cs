using CompactConv.Data.Images;

namespace CompactConv.Pipelines;

/// <summary>Which images an image classification task reads, and how it divides them.</summary>
public sealed record ImageDataRequest
{
    /// <summary>Dataset name (<see cref="ImageDatasets.Names"/>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Dataset folder; null only for Fashion-MNIST's default copies.</summary>
    public string? DataDir { get; init; }

    /// <summary>Dataset-specific options (CIFAR-100 labels; folder image size, colour, split, skipping); null for the defaults.</summary>
    public ImageDatasetOptions? ImageData { get; init; }

    /// <summary>
    /// Use a seeded class-balanced subset of at most this many images of the training split; the
    /// validation images are held out of this subset. Null for all.
    /// </summary>
    public int? TrainLimit { get; init; }

    /// <summary>Use a seeded class-balanced subset of at most this many test images; null for all.</summary>
    public int? TestLimit { get; init; }

    /// <summary>
    /// Share of each class of the training split held out for validation (model selection), in [0, 1);
    /// 0 holds out none. Ignored, with a note, when the dataset has its own validation split.
    /// </summary>
    public double ValidationFraction { get; init; } = Training.RunConfig.DefaultValidationFraction;

    /// <summary>Seed of the subsets, the validation hold-out and, without <see cref="ImageData"/>, a folder layout's split.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Also read the test split. Training leaves it out, so that nothing a run chooses can depend on it;
    /// evaluation and the demo's final report read it.
    /// </summary>
    public bool IncludeTest { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        // Written so that NaN fails too.
        if (!(ValidationFraction >= 0 && ValidationFraction < 1))
            throw new ArgumentException(FormattableString.Invariant($"{nameof(ImageDataRequest)}.{nameof(ValidationFraction)} must be at least 0 and below 1, got {ValidationFraction}"));
        if (TrainLimit is < 1) throw new ArgumentException($"{nameof(ImageDataRequest)}.{nameof(TrainLimit)} must be at least 1, got {TrainLimit}");
        if (TestLimit is < 1) throw new ArgumentException($"{nameof(ImageDataRequest)}.{nameof(TestLimit)} must be at least 1, got {TestLimit}");
    }
}
