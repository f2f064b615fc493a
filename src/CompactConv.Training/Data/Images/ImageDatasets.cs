using System.Globalization;

namespace CompactConv.Data.Images;

/// <summary>
/// The one entry point for image classification datasets in the layouts their authors distribute:
/// CIFAR-10 and CIFAR-100 (binary versions), MNIST and Fashion-MNIST (IDX files, see
/// <see cref="MnistFamily"/>), and folders of PNG/JPEG images per class.
/// </summary>
public static class ImageDatasets
{
    /// <summary>CIFAR-10, binary version.</summary>
    public const string Cifar10 = "cifar10";

    /// <summary>CIFAR-100, binary version (fine or coarse labels).</summary>
    public const string Cifar100 = "cifar100";

    /// <summary>LeCun's hand-written digits.</summary>
    public const string Mnist = MnistFamily.Mnist;

    /// <summary>Zalando's clothing images.</summary>
    public const string FashionMnist = MnistFamily.FashionMnist;

    /// <summary>One folder of PNG/JPEG images per class.</summary>
    public const string Folders = "folders";

    /// <summary>The dataset names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [Cifar10, Cifar100, Mnist, FashionMnist, Folders];

    /// <summary>
    /// Reads the training and test splits of dataset <paramref name="name"/>.
    /// </summary>
    /// <param name="name">One of <see cref="Names"/> (case-insensitive).</param>
    /// <param name="dataDir">The dataset folder as unpacked (for CIFAR also its parent); required except
    /// for Fashion-MNIST, which then comes from the system copy or the embedded subset.</param>
    /// <param name="options">Dataset-specific choices; defaults when null.</param>
    /// <param name="locations">Where Fashion-MNIST is looked for without <paramref name="dataDir"/>.</param>
    /// <returns>Images as bytes [N, C, H, W] with labels, class names and a description of the source.</returns>
    /// <exception cref="ArgumentException">Unknown name, an option the dataset does not take, or an
    /// option value out of range.</exception>
    /// <exception cref="DataException">A file or folder is missing, truncated or inconsistent, or images
    /// cannot be decoded (without <see cref="ImageDatasetOptions.SkipBad"/>).</exception>
    public static ImageSplits Load(string name, string? dataDir, ImageDatasetOptions? options = null, MnistLocations? locations = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        string canonical = Canonical(name);
        options ??= new ImageDatasetOptions();
        Check(canonical, options);
        if (canonical is Mnist or FashionMnist)
            return MnistFamily.Load(canonical, dataDir, locations);

        if (string.IsNullOrEmpty(dataDir))
            throw new ArgumentException($"{nameof(Pipelines.ImageDataRequest)}.{nameof(Pipelines.ImageDataRequest.DataDir)} is required for {canonical}: the folder of the unpacked dataset");
        if (!Directory.Exists(dataDir))
            throw new DataException(dataDir, "dataset folder not found");
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));
        return canonical switch
        {
            Cifar10 => CifarLayout.Load(CifarFormat.Cifar10, root, CifarLabelSet.Fine),
            Cifar100 => CifarLayout.Load(CifarFormat.Cifar100, root, options.Labels ?? CifarLabelSet.Fine),
            _ => ImageFolderLayout.Load(root, options),
        };
    }

    /// <summary>The canonical spelling of <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static string Canonical(string name) =>
        Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown image dataset '{name}'; choose one of {string.Join(", ", Names)}");

    private static void Check(string name, ImageDatasetOptions options)
    {
        if (options.Labels is not null && name != Cifar100)
            throw new ArgumentException($"{Option(nameof(ImageDatasetOptions.Labels))} applies to {Cifar100} only, not {name}");
        if (name == Folders)
        {
            string? badSide = options switch
            {
                { Height: < 1 or > ImageDatasetOptions.MaxFolderSide } => nameof(ImageDatasetOptions.Height),
                { Width: < 1 or > ImageDatasetOptions.MaxFolderSide } => nameof(ImageDatasetOptions.Width),
                _ => null,
            };
            if (badSide is not null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{Option(badSide)} must be from 1 to {ImageDatasetOptions.MaxFolderSide}, got {options.Height}x{options.Width} (height x width)"));
            }
            // Written so that NaN fails too.
            if (options.TestFraction is { } fraction && !(fraction >= 0 && fraction < 1))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Option(nameof(ImageDatasetOptions.TestFraction))} must be at least 0 and below 1, got {fraction}"));
            return;
        }
        string? folderOnly = options switch
        {
            { Height: not null } => nameof(ImageDatasetOptions.Height),
            { Width: not null } => nameof(ImageDatasetOptions.Width),
            { Grey: true } => nameof(ImageDatasetOptions.Grey),
            { SkipBad: true } => nameof(ImageDatasetOptions.SkipBad),
            { TestFraction: not null } => nameof(ImageDatasetOptions.TestFraction),
            _ => null,
        };
        if (folderOnly is not null)
            throw new ArgumentException($"{Option(folderOnly)} applies to {Folders} only; {name} has a fixed image size, colour and split, and its files are checked whole");
    }

    private static string Option(string property) => $"{nameof(ImageDatasetOptions)}.{property}";
}
