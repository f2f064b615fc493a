using System.Globalization;

namespace CompactConv.Data;

/// <summary>
/// Loads MNIST and Fashion-MNIST, which share one file layout: 28×28 grey-scale images and ten
/// classes in four IDX files.
/// </summary>
public static class MnistFamily
{
    /// <summary>Name of Zalando's clothing set, as accepted by <see cref="Load"/>.</summary>
    public const string FashionMnist = "fashion-mnist";

    /// <summary>Name of LeCun's hand-written digit set, as accepted by <see cref="Load"/>.</summary>
    public const string Mnist = "mnist";

    /// <summary>Image side length in pixels; both sets use it and nothing else.</summary>
    public const int ImageSide = 28;

    /// <summary>Fashion-MNIST's class names, indexed by label, as listed by Zalando.</summary>
    public static IReadOnlyList<string> FashionMnistClasses { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>MNIST's class names: the digits "0" to "9".</summary>
    public static IReadOnlyList<string> MnistClasses { get; } =
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>The class names of <paramref name="dataset"/> ("fashion-mnist" or "mnist").</summary>
    /// <exception cref="ArgumentException">Any other dataset name.</exception>
    public static IReadOnlyList<string> ClassNames(string dataset) => Canonical(dataset) == FashionMnist ? FashionMnistClasses : MnistClasses;

    /// <summary>
    /// Reads the training and test splits of <paramref name="dataset"/>. With
    /// <paramref name="dataDir"/>, the four files must be there. Without it, Fashion-MNIST comes from
    /// <see cref="MnistLocations.FashionMnistSystemDir"/> when complete there, else from the embedded
    /// subset; MNIST has no default location.
    /// </summary>
    /// <param name="dataset">"fashion-mnist" or "mnist" (case-insensitive).</param>
    /// <param name="dataDir">Folder holding the four IDX files, each raw or gzip; null for the defaults.</param>
    /// <param name="locations">Default folders; <see cref="MnistLocations.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="dataset"/> is neither name.</exception>
    /// <exception cref="DataException">A file is missing or malformed, or the files contradict each other.</exception>
    public static ImageSplits Load(string dataset, string? dataDir, MnistLocations? locations = null)
    {
        string name = Canonical(dataset);
        string title = name == FashionMnist ? "Fashion-MNIST" : "MNIST";
        if (dataDir is not null)
        {
            if (!Directory.Exists(dataDir))
                throw new DataException(dataDir, $"{title} folder not found");
            return LoadFolder(name, Path.GetFullPath(dataDir), title);
        }
        if (name == Mnist)
            throw new DataException(Mnist, $"MNIST has no default location; give the folder of the four MNIST IDX files as {DataDirName}");

        locations ??= MnistLocations.Default;
        if (MnistFiles.AllPresent(locations.FashionMnistSystemDir))
            return LoadFolder(name, Path.GetFullPath(locations.FashionMnistSystemDir), "Fashion-MNIST full set");
        string? embedded = locations.EmbeddedSubsetDirs.FirstOrDefault(MnistFiles.AllPresent);
        if (embedded is not null)
            return LoadFolder(name, Path.GetFullPath(embedded), "embedded Fashion-MNIST subset");
        throw new DataException(locations.FashionMnistSystemDir,
            $"Fashion-MNIST not found here nor as an embedded subset in {string.Join(" or ", locations.EmbeddedSubsetDirs)}; " +
            $"install Debian's dataset-fashion-mnist or give a folder with the four IDX files as {DataDirName}");
    }

    // Callers reach Load through the image pipelines' request, so the missing folder is named there.
    private const string DataDirName = $"{nameof(Pipelines.ImageDataRequest)}.{nameof(Pipelines.ImageDataRequest.DataDir)}";

    private static string Canonical(string dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (string.Equals(dataset, FashionMnist, StringComparison.OrdinalIgnoreCase))
            return FashionMnist;
        if (string.Equals(dataset, Mnist, StringComparison.OrdinalIgnoreCase))
            return Mnist;
        throw new ArgumentException($"Unknown image dataset '{dataset}'; expected '{FashionMnist}' or '{Mnist}'.", nameof(dataset));
    }

    // label names the kind of copy ("Fashion-MNIST full set"); it goes into every Source text.
    private static ImageSplits LoadFolder(string dataset, string folder, string label)
    {
        IReadOnlyList<string> classes = dataset == FashionMnist ? FashionMnistClasses : MnistClasses;
        ImageDataset train = LoadSplit(folder, MnistFiles.TrainImages, MnistFiles.TrainLabels, classes, $"{label} from {folder}, train split");
        ImageDataset test = LoadSplit(folder, MnistFiles.TestImages, MnistFiles.TestLabels, classes, $"{label} from {folder}, test split");
        string source = string.Create(CultureInfo.InvariantCulture, $"{label} ({train.Count:N0} train / {test.Count:N0} test) from {folder}");
        return new ImageSplits(train, test, source);
    }

    private static ImageDataset LoadSplit(string folder, string imagesName, string labelsName,
        IReadOnlyList<string> classes, string source)
    {
        string imagesPath = Require(folder, imagesName);
        string labelsPath = Require(folder, labelsName);
        IdxArray images = IdxReader.Read(imagesPath);
        IdxArray labels = IdxReader.Read(labelsPath);

        if (images.Shape is not [_, ImageSide, ImageSide])
            throw new DataException(imagesPath, $"expected images of shape [N, {ImageSide}, {ImageSide}], found {images.ShapeText}");
        if (labels.Shape.Length != 1)
            throw new DataException(labelsPath, $"expected labels of shape [N], found {labels.ShapeText}");
        if (images.Shape[0] != labels.Shape[0])
            throw new DataException(imagesPath, $"has {images.Shape[0]} images but {labelsPath} has {labels.Shape[0]} labels");

        var classIndices = new long[labels.Data.Length];
        for (int i = 0; i < classIndices.Length; i++)
        {
            byte label = labels.Data[i];
            if (label >= classes.Count)
                throw new DataException(labelsPath, $"label {label} at index {i} is outside 0..{classes.Count - 1}");
            classIndices[i] = label;
        }
        return new ImageDataset(images.Data, classIndices, channels: 1, ImageSide, ImageSide, classes, source);
    }

    private static string Require(string folder, string name) =>
        MnistFiles.Find(folder, name)
        ?? throw new DataException(Path.Combine(folder, name), $"missing (also looked for {name}.gz)");
}
