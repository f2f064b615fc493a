namespace CompactConv.Data;

/// <summary>A dataset's training and test images (and validation images where the layout has its own), and where they were read from.</summary>
/// <param name="Train">The training split.</param>
/// <param name="Test">The test split, never used for training or model selection.</param>
/// <param name="Source">Human-readable origin of both splits, e.g.
/// "embedded Fashion-MNIST subset (12,000 train / 2,000 test) from /repo/data/fashion-mnist-subset".</param>
public sealed record ImageSplits(ImageDataset Train, ImageDataset Test, string Source)
{
    /// <summary>
    /// The layout's own validation split (an image folder with <c>val/</c> or <c>validation/</c> beside
    /// <c>train/</c> and <c>test/</c>); null when the layout has none and validation is held out of
    /// <see cref="Train"/>.
    /// </summary>
    public ImageDataset? Validation { get; init; }

    /// <summary>Images left out because they could not be read or decoded (only when skipping was
    /// asked for), one line each: the file relative to the dataset folder and the reason.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Facts worth telling the user that did not stop loading, e.g. a folder without images
    /// that was not taken for a class.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
