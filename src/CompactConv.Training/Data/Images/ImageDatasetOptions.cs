namespace CompactConv.Data.Images;

/// <summary>
/// How <see cref="ImageDatasets.Load"/> reads a dataset. Every property except <see cref="Seed"/>
/// applies to some datasets only; setting one for another dataset is refused rather than ignored,
/// so a command line never silently means less than it says. Saved in a run's config.json, so
/// evaluation and resuming read the same images.
/// </summary>
public sealed record ImageDatasetOptions
{
    /// <summary>The default side length of images decoded from folders.</summary>
    public const int DefaultFolderSide = 32;

    /// <summary>
    /// The largest side length images are resized to: 4096 pixels. Larger sides would not fit a
    /// dataset in memory (a single 3 x 4096 x 4096 image is 48 MiB) and overflow array sizes.
    /// </summary>
    public const int MaxFolderSide = 4096;

    /// <summary>The default share of each class that a folder layout without train/ and test/ puts into the test split.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>CIFAR-100 only: fine (the default) or coarse labels.</summary>
    public CifarLabelSet? Labels { get; init; }

    /// <summary>Folders only: rows of every image after resizing (default <see cref="DefaultFolderSide"/>).</summary>
    public int? Height { get; init; }

    /// <summary>Folders only: columns of every image after resizing (default <see cref="DefaultFolderSide"/>).</summary>
    public int? Width { get; init; }

    /// <summary>Folders only: decode to one grey channel (ITU-R BT.601 luma) instead of RGB.</summary>
    public bool Grey { get; init; }

    /// <summary>Folders only: leave out images that cannot be read or decoded (listed in
    /// <see cref="ImageSplits.Skipped"/>) instead of failing. CIFAR and IDX files are read whole, and a
    /// problem in one makes the whole file untrustworthy, so they have nothing to skip.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Folders without train/ and test/ sub-folders only: share of each class put into the
    /// test split, in [0, 1) (default <see cref="DefaultTestFraction"/>).</summary>
    public double? TestFraction { get; init; }

    /// <summary>Seed of the folder layout's test split (ignored by datasets with fixed splits).</summary>
    public int Seed { get; init; }
}
