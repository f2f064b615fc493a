using System.Globalization;

namespace CompactConv.Training.Augmentation;

/// <summary>
/// Train-time augmentation of image batches, in the order applied: a random crop of the image
/// padded with zeros (black) on every side, a horizontal flip of half the images, then (after
/// normalisation) one square cutout hole per image. All off by default.
/// </summary>
public sealed record ImageAugmentationOptions
{
    /// <summary>Zero padding on each side before a random crop back to the original size (the usual
    /// CIFAR setting is 4 for 32x32); 0 turns cropping off.</summary>
    public int CropPadding { get; init; }

    /// <summary>Mirror each image left-right with probability one half.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>Side of the square cutout hole (DeVries and Taylor 2017 used 16 on CIFAR-10); 0 turns cutout off.</summary>
    public int CutoutSize { get; init; }

    /// <summary>True when any augmentation is on.</summary>
    public bool Any => CropPadding > 0 || HorizontalFlip || CutoutSize > 0;

    /// <summary>Throws <see cref="InvalidOptionException"/> naming the first impossible property and its value.</summary>
    public void Validate()
    {
        if (CropPadding < 0) throw new InvalidOptionException(nameof(CropPadding), string.Create(CultureInfo.InvariantCulture, $"must not be negative, got {CropPadding}"));
        if (CutoutSize < 0) throw new InvalidOptionException(nameof(CutoutSize), string.Create(CultureInfo.InvariantCulture, $"must not be negative, got {CutoutSize}"));
    }

    /// <summary>A short description for logs, e.g. "crop (pad 4) + flip + cutout 16", or "none".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (CropPadding > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"crop (pad {CropPadding})"));
        if (HorizontalFlip) parts.Add("flip");
        if (CutoutSize > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"cutout {CutoutSize}"));
        return parts.Count == 0 ? "none" : string.Join(" + ", parts);
    }
}
