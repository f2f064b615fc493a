namespace CompactConv.Data;

/// <summary>A dataset's training and test images, and where they were read from.</summary>
/// <param name="Train">The training split.</param>
/// <param name="Test">The test split, never used for training or model selection.</param>
/// <param name="Source">Human-readable origin of both splits, e.g.
/// "embedded Fashion-MNIST subset (12,000 train / 2,000 test) from /repo/data/fashion-mnist-subset".</param>
public sealed record ImageSplits(ImageDataset Train, ImageDataset Test, string Source);
