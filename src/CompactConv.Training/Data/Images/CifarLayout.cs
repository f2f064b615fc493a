using System.Globalization;

namespace CompactConv.Data.Images;

/// <summary>Loads CIFAR-10 and CIFAR-100 from their binary versions, unpacked as distributed.</summary>
internal static class CifarLayout
{
    /// <summary>
    /// Reads both splits of <paramref name="format"/> from <paramref name="dataDir"/> or, when the
    /// files are not there, from the sub-folder the archive unpacks to. All missing files are named at
    /// once; a file is checked for whole records and label ranges before it is used.
    /// </summary>
    public static ImageSplits Load(CifarFormat format, string dataDir, CifarLabelSet labelSet)
    {
        int field = format.LabelFields.Count == 1 ? 0 : labelSet == CifarLabelSet.Fine ? 1 : 0;
        var labelField = format.LabelFields[field];
        string folder = Resolve(format, dataDir, labelField);
        var required = format.TrainFiles.Concat(format.TestFiles).Append(labelField.NamesFile).ToList();
        var missing = required.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
        if (missing.Count > 0)
        {
            throw new DataException(folder,
                $"{format.Title} files missing: {string.Join(", ", missing)} (expected {string.Join(", ", required)}, as unpacked from {format.Archive})");
        }

        var classes = ClassNameFile.Read(Path.Combine(folder, labelField.NamesFile), labelField.Classes);
        string title = format.LabelFields.Count == 1 ? format.Title : $"{format.Title}, {labelSet.ToString().ToLowerInvariant()} labels";
        var train = ReadSplit(format, folder, format.TrainFiles, field, classes, $"{title} from {folder}, train split");
        var test = ReadSplit(format, folder, format.TestFiles, field, classes, $"{title} from {folder}, test split");
        string source = string.Create(CultureInfo.InvariantCulture, $"{title} ({train.Count:N0} train / {test.Count:N0} test, {classes.Count} classes) from {folder}");
        return new ImageSplits(train, test, source);
    }

    // The files themselves, or the archive's folder inside the given one.
    private static string Resolve(CifarFormat format, string dataDir, CifarLabelField labelField)
    {
        bool direct = format.TrainFiles.Concat(format.TestFiles).Append(labelField.NamesFile)
            .Any(name => File.Exists(Path.Combine(dataDir, name)));
        string nested = Path.Combine(dataDir, format.Subfolder);
        return !direct && Directory.Exists(nested) ? nested : dataDir;
    }

    private static ImageDataset ReadSplit(CifarFormat format, string folder, IReadOnlyList<string> files, int field,
        IReadOnlyList<string> classes, string source)
    {
        var paths = files.Select(name => Path.Combine(folder, name)).ToList();
        var counts = paths.Select(path => CifarRecords.Count(path, format)).ToList();
        long total = counts.Sum(c => (long)c);
        if (total * CifarFormat.ImageBytes > Array.MaxLength)
            throw new DataException(folder, string.Create(CultureInfo.InvariantCulture, $"{total} records are more than one array can hold"));
        var pixels = new byte[total * CifarFormat.ImageBytes];
        var labels = new long[total];
        int first = 0;
        for (int i = 0; i < paths.Count; i++)
        {
            CifarRecords.Read(paths[i], format, field, counts[i], pixels, labels, first);
            first += counts[i];
        }
        return new ImageDataset(pixels, labels, CifarFormat.Channels, CifarFormat.Side, CifarFormat.Side, classes, source);
    }
}
