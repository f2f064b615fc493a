using System.Globalization;

namespace CompactConv.Data.Images;

/// <summary>
/// A folder per class of PNG or JPEG images, DIR/&lt;class&gt;/*.png|jpg|jpeg, divided by a seeded
/// split stratified by class, or by DIR/train/&lt;class&gt;/ and DIR/test/&lt;class&gt;/ when both
/// folders exist, with DIR/val/ (or DIR/validation/) as the layout's own validation split when it is
/// there too. Every image is decoded and resized to one size (see <see cref="ImageDecoder"/>).
/// </summary>
internal static class ImageFolderLayout
{
    /// <summary>The file extensions taken for images (case-insensitive).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg"];

    private const string TrainFolder = "train";
    private const string TestFolder = "test";
    private static readonly string[] ValidationFolders = ["val", "validation"];
    private const string ExtensionList = ".png, .jpg or .jpeg";

    // One image to decode: its path relative to the data folder and its class index.
    private sealed record Entry(string Relative, int Label);

    /// <summary>Reads the images under <paramref name="root"/> (a full path) as <paramref name="options"/> say.</summary>
    public static ImageSplits Load(string root, ImageDatasetOptions options)
    {
        var notes = new List<string>();
        bool explicitSplit = Directory.Exists(Path.Combine(root, TrainFolder)) && Directory.Exists(Path.Combine(root, TestFolder));
        var (classes, train, test, splitText) = explicitSplit ? ListExplicit(root, options, notes) : ListSeeded(root, options, notes);
        var validation = explicitSplit ? ListValidation(root, classes, notes) : null;

        int height = options.Height ?? ImageDatasetOptions.DefaultFolderSide;
        int width = options.Width ?? ImageDatasetOptions.DefaultFolderSide;
        int channels = options.Grey ? 1 : 3;
        var skipped = new List<string>();
        var trainImages = Decode(root, train, classes, channels, height, width, options, skipped, out var trainProblems);
        var testImages = Decode(root, test, classes, channels, height, width, options, skipped, out var testProblems);
        List<string> validationProblems = [];
        var validationImages = validation is null ? null : Decode(root, validation, classes, channels, height, width, options, skipped, out validationProblems);
        var problems = trainProblems.Concat(validationProblems).Concat(testProblems).ToList();
        if (problems.Count > 0 && !options.SkipBad)
        {
            string count = problems.Count == 1 ? "1 image cannot be used" : string.Create(CultureInfo.InvariantCulture, $"{problems.Count} images cannot be used");
            throw new DataException(root, $"{count}: {string.Join("; ", problems)}; leave them out with {nameof(ImageDatasetOptions)}.{nameof(ImageDatasetOptions.SkipBad)}");
        }

        var trainCounts = trainImages.CountPerClass();
        var empty = classes.Where((_, c) => trainCounts[c] == 0).ToList();
        if (empty.Count > 0)
            throw new DataException(root, $"no usable training images in class {string.Join(", ", empty.Select(c => $"'{c}'"))}");
        if (testImages.Count == 0)
            throw new DataException(root, "the test split has no images (test fraction 0, or every class has a single image?)");

        string look = string.Create(CultureInfo.InvariantCulture, $"{height}x{width} {(options.Grey ? "grey" : "RGB")}");
        string validationCount = validationImages is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{validationImages.Count:N0} validation / ");
        string source = string.Create(CultureInfo.InvariantCulture,
            $"image folders in {root}, {look}, {splitText} ({trainImages.Count:N0} train / {validationCount}{testImages.Count:N0} test, {classes.Count} classes)");
        return new ImageSplits(
            Relabel(trainImages, $"image folders in {root}, {look}, train split"),
            Relabel(testImages, $"image folders in {root}, {look}, test split"),
            source)
        {
            Validation = validationImages is null ? null : Relabel(validationImages, $"image folders in {root}, {look}, validation split"),
            Skipped = skipped,
            Notes = notes,
        };
    }

    private static (IReadOnlyList<string> Classes, List<Entry> Train, List<Entry> Test, string SplitText) ListSeeded(
        string root, ImageDatasetOptions options, List<string> notes)
    {
        double fraction = options.TestFraction ?? ImageDatasetOptions.DefaultTestFraction;
        var byClass = Scan(root, "", notes);
        if (byClass.Count == 0)
        {
            throw new DataException(root,
                $"no class folders with {ExtensionList} images (expected DIR/<class>/<image>.png, or DIR/{TrainFolder}/<class>/ and DIR/{TestFolder}/<class>/)");
        }
        var classes = byClass.Keys.ToList();
        List<Entry> train = [], test = [];
        for (int label = 0; label < classes.Count; label++)
        {
            var names = byClass[classes[label]];
            var testMembers = StratifiedSplit.TestMembers(names, classes[label], options.Seed, fraction);
            // Files keep their name order within a split; only membership is random.
            foreach (string name in names)
                (testMembers.Contains(name) ? test : train).Add(new Entry(classes[label] + "/" + name, label));
        }
        string text = string.Create(CultureInfo.InvariantCulture, $"seeded split (test fraction {fraction}, seed {options.Seed})");
        return (classes, train, test, text);
    }

    private static (IReadOnlyList<string> Classes, List<Entry> Train, List<Entry> Test, string SplitText) ListExplicit(
        string root, ImageDatasetOptions options, List<string> notes)
    {
        if (options.TestFraction is not null)
            throw new ArgumentException($"{nameof(ImageDatasetOptions)}.{nameof(ImageDatasetOptions.TestFraction)} does not apply to {root}: its {TrainFolder}/ and {TestFolder}/ folders fix the split");
        var trainClasses = Scan(Path.Combine(root, TrainFolder), TrainFolder + "/", notes);
        var testClasses = Scan(Path.Combine(root, TestFolder), TestFolder + "/", notes);
        if (trainClasses.Count == 0)
            throw new DataException(Path.Combine(root, TrainFolder), $"no class folders with {ExtensionList} images (expected {TrainFolder}/<class>/<image>.png)");
        var unknown = testClasses.Keys.Where(c => !trainClasses.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
            throw new DataException(Path.Combine(root, TestFolder), $"class folders without a training folder: {string.Join(", ", unknown)}");
        var ignored = ClassFolders.Names(root).Where(n => n is not TrainFolder and not TestFolder && !ValidationFolders.Contains(n)).ToList();
        if (ignored.Count > 0)
            notes.Add($"folders {string.Join(", ", ignored)} are ignored: the split is given by {TrainFolder}/ and {TestFolder}/");

        var classes = trainClasses.Keys.ToList();
        List<Entry> Entries(SortedDictionary<string, List<string>> byClass, string prefix) =>
            byClass.SelectMany(pair => pair.Value.Select(name => new Entry($"{prefix}/{pair.Key}/{name}", classes.IndexOf(pair.Key)))).ToList();
        return (classes, Entries(trainClasses, TrainFolder), Entries(testClasses, TestFolder), $"split by its {TrainFolder}/ and {TestFolder}/ folders");
    }

    // The layout's own validation split: the first of the validation folders that exists, its classes
    // a subset of the training classes.
    private static List<Entry>? ListValidation(string root, IReadOnlyList<string> classes, List<string> notes)
    {
        var present = ValidationFolders.Where(name => Directory.Exists(Path.Combine(root, name))).ToList();
        if (present.Count == 0) return null;
        if (present.Count > 1)
            notes.Add($"both {string.Join("/ and ", present)}/ exist; {present[0]}/ is the validation split and {present[1]}/ is ignored");
        string folder = present[0];
        var byClass = Scan(Path.Combine(root, folder), folder + "/", notes);
        var index = classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var unknown = byClass.Keys.Where(c => !index.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
            throw new DataException(Path.Combine(root, folder), $"class folders without a training folder: {string.Join(", ", unknown)}");
        return byClass.SelectMany(pair => pair.Value.Select(name => new Entry($"{folder}/{pair.Key}/{name}", index[pair.Key]))).ToList();
    }

    // Class name -> image file names, for the class folders of folder; prefix says where folder is in messages.
    private static SortedDictionary<string, List<string>> Scan(string folder, string prefix, List<string> notes)
    {
        var byClass = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in ClassFolders.Names(folder))
        {
            if (prefix.Length == 0 && name is TrainFolder or TestFolder)
                notes.Add($"folder '{name}' is taken for a class: the split is seeded because {TrainFolder}/ and {TestFolder}/ do not both exist");
            var images = ClassFolders.Files(Path.Combine(folder, name), Extensions);
            if (images.Count > 0)
                byClass[name] = images;
            else
                notes.Add($"folder '{prefix}{name}' has no {ExtensionList} images and is not a class");
        }
        int loose = ClassFolders.Files(folder, Extensions).Count;
        if (loose > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{loose} images directly in '{(prefix.Length == 0 ? "." : prefix)}' belong to no class and are ignored"));
        return byClass;
    }

    // Decodes entries in parallel (each into its own slot, so the result does not depend on timing),
    // then keeps the good ones; problems are "relative path: reason" in entry order.
    private static ImageDataset Decode(string root, List<Entry> entries, IReadOnlyList<string> classes, int channels, int height, int width,
        ImageDatasetOptions options, List<string> skipped, out List<string> problems)
    {
        int size = channels * height * width;
        if ((long)entries.Count * size > Array.MaxLength)
            throw new DataException(root, string.Create(CultureInfo.InvariantCulture, $"{entries.Count} images of {channels}x{height}x{width} do not fit one array; choose a smaller size"));
        var pixels = new byte[(long)entries.Count * size];
        var reasons = new string?[entries.Count];
        Parallel.For(0, entries.Count, i =>
            reasons[i] = ImageDecoder.Decode(Path.Combine(root, entries[i].Relative), height, width, options.Grey, pixels.AsSpan(i * size, size)));

        problems = [];
        var kept = new List<int>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            if (reasons[i] is { } reason)
                problems.Add($"{entries[i].Relative}: {reason}");
            else
                kept.Add(i);
        }
        if (options.SkipBad)
            skipped.AddRange(problems);
        var labels = entries.Select(e => (long)e.Label).ToArray();
        var all = new ImageDataset(pixels, labels, channels, height, width, classes, root);
        return kept.Count == entries.Count ? all : all.Take([.. kept]);
    }

    private static ImageDataset Relabel(ImageDataset data, string source) =>
        new(data.Pixels, data.Labels, data.Channels, data.Height, data.Width, data.ClassNames, source);
}
