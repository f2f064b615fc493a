namespace CompactConv.Data;

/// <summary>
/// The four file names of an MNIST-family folder, as published by LeCun and Zalando; each may also
/// be present with a <c>.gz</c> suffix.
/// </summary>
public static class MnistFiles
{
    /// <summary>Training images, [N, 28, 28].</summary>
    public const string TrainImages = "train-images-idx3-ubyte";

    /// <summary>Training labels, [N].</summary>
    public const string TrainLabels = "train-labels-idx1-ubyte";

    /// <summary>Test images, [N, 28, 28].</summary>
    public const string TestImages = "t10k-images-idx3-ubyte";

    /// <summary>Test labels, [N].</summary>
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    /// <summary>All four names, training files first.</summary>
    public static IReadOnlyList<string> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>
    /// The path of <paramref name="name"/> in <paramref name="folder"/>: the uncompressed file when
    /// present, else the <c>.gz</c> one, else null.
    /// </summary>
    public static string? Find(string folder, string name)
    {
        string raw = Path.Combine(folder, name);
        if (File.Exists(raw))
            return raw;
        string gzip = raw + ".gz";
        return File.Exists(gzip) ? gzip : null;
    }

    /// <summary>Whether <paramref name="folder"/> holds all four files (each raw or gzip).</summary>
    public static bool AllPresent(string folder) => All.All(name => Find(folder, name) is not null);
}
