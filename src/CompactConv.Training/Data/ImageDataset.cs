using System.Globalization;
using static TorchSharp.torch;

namespace CompactConv.Data;

/// <summary>
/// Labelled images held as unsigned bytes, the compact form in which they are read; they become
/// float tensors only on request (<see cref="ToTensors(Device?)"/>) so that a 60,000-image set
/// costs 47 MB rather than 188 MB while it waits.
/// </summary>
public sealed class ImageDataset
{
    /// <summary>All pixels, image after image, each laid out channels × rows × columns (N·C·H·W bytes).</summary>
    public byte[] Pixels { get; }

    /// <summary>The class index of each image, in 0 .. <see cref="ClassNames"/>.Count − 1.</summary>
    public long[] Labels { get; }

    /// <summary>Channels per image (1 for grey-scale).</summary>
    public int Channels { get; }

    /// <summary>Rows per image.</summary>
    public int Height { get; }

    /// <summary>Columns per image.</summary>
    public int Width { get; }

    /// <summary>Human-readable class names; a label is an index into this list.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Where the images came from, for logs and reports, e.g.
    /// "Fashion-MNIST full set from /usr/share/datasets/fashion-mnist, train split".</summary>
    public string Source { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Bytes per image (C·H·W).</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>Wraps the arrays (not copied) after checking that they agree with each other.</summary>
    /// <exception cref="ArgumentException">The pixel count does not match the labels and image size,
    /// a dimension is below 1, there are no classes, or a label is out of range.</exception>
    public ImageDataset(byte[] pixels, long[] labels, int channels, int height, int width,
        IReadOnlyList<string> classNames, string source)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (classNames.Count == 0)
            throw new ArgumentException("A dataset needs at least one class.", nameof(classNames));
        if ((long)labels.Length * channels * height * width != pixels.Length)
            throw new ArgumentException(
                $"{labels.Length} images of {channels}x{height}x{width} need {(long)labels.Length * channels * height * width} pixels, not {pixels.Length}.",
                nameof(pixels));
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classNames.Count)
                throw new ArgumentException($"Label {labels[i]} of image {i} is outside 0..{classNames.Count - 1}.", nameof(labels));
        }
        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassNames = classNames;
        Source = source;
    }

    /// <summary>How many images each class has, indexed like <see cref="ClassNames"/>.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassNames.Count];
        foreach (long label in Labels)
            counts[label]++;
        return counts;
    }

    /// <summary>
    /// A new dataset holding copies of the images at <paramref name="indices"/>, in that order
    /// (indices may repeat, which is how bootstrap samples are drawn).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0 .. <see cref="Count"/> − 1.</exception>
    public ImageDataset Take(int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var (pixels, labels) = Gather(indices);
        string source = string.Create(CultureInfo.InvariantCulture, $"{Source}, {indices.Length:N0} selected images");
        return new ImageDataset(pixels, labels, Channels, Height, Width, ClassNames, source);
    }

    /// <summary>
    /// All images as a float32 tensor [N, C, H, W] scaled to 0..1, and the labels as an int64
    /// tensor [N], both on <paramref name="device"/> (CPU when null). The caller owns and disposes them.
    /// </summary>
    public (Tensor Images, Tensor Labels) ToTensors(Device? device = null) =>
        MakeTensors(Pixels, Labels, Count, device);

    /// <summary>
    /// The images at <paramref name="indices"/> (e.g. one mini-batch) as in <see cref="ToTensors(Device?)"/>,
    /// without converting the rest of the set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0 .. <see cref="Count"/> − 1.</exception>
    public (Tensor Images, Tensor Labels) ToTensors(ReadOnlySpan<int> indices, Device? device = null)
    {
        var (pixels, labels) = Gather(indices);
        return MakeTensors(pixels, labels, indices.Length, device);
    }

    private (byte[] Pixels, long[] Labels) Gather(ReadOnlySpan<int> indices)
    {
        int size = ImageSize;
        var pixels = new byte[(long)indices.Length * size];
        var labels = new long[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"Image index must be in 0..{Count - 1}.");
            Array.Copy(Pixels, (long)index * size, pixels, (long)i * size, size);
            labels[i] = Labels[index];
        }
        return (pixels, labels);
    }

    private (Tensor Images, Tensor Labels) MakeTensors(byte[] pixels, long[] labels, int count, Device? device)
    {
        using var scope = NewDisposeScope();
        // Converting on the torch side keeps the managed copy at one byte per pixel; dividing
        // (rather than multiplying by 1/255) makes 255 map exactly to 1.
        Tensor images = tensor(pixels, new long[] { count, Channels, Height, Width }, dtype: ScalarType.Byte)
            .to_type(ScalarType.Float32)
            .div_(255f);
        Tensor targets = tensor(labels, new long[] { count }, dtype: ScalarType.Int64);
        if (device is not null)
        {
            images = images.to(device);
            targets = targets.to(device);
        }
        return (images.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }
}
