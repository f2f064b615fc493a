using System.Globalization;
using CompactConv.Training.Augmentation;

namespace CompactConv.Training.Batches;

/// <summary>How <see cref="ImageBatchSource"/> cuts, augments and delivers training batches.</summary>
public sealed record ImageBatchOptions
{
    /// <summary>The most batches the loader thread may have ready ahead of the trainer.</summary>
    public const int MaxPrefetch = 16;

    /// <summary>Images per batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>The run seed: it decides each epoch's order (as <see cref="Trainer.Shuffle"/>) and every augmentation draw.</summary>
    public int Seed { get; init; }

    /// <summary>Batches prepared ahead on a loader thread (2 to 4 keep one step's worth of slack
    /// without holding much memory); 0 prepares each batch on the consumer's thread when it is asked for.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Crop, flip and cutout; all off by default.</summary>
    public ImageAugmentationOptions Augmentation { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--batch must be at least 1, got {BatchSize}"));
        if (Prefetch is < 0 or > MaxPrefetch)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--prefetch must be 0 to {MaxPrefetch}, got {Prefetch}"));
        Augmentation.Validate();
    }
}
