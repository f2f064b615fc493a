namespace CompactConv.Data;

/// <summary>
/// Cuts a class-balanced subset of an MNIST-family dataset and writes it as the four standard
/// gzip-compressed IDX files, so that it loads like the full set.
/// </summary>
public static class IdxSubset
{
    /// <summary>
    /// Picks <paramref name="perClass"/> images of every class: all indices are shuffled with
    /// <c>new Random(seed)</c> (Fisher–Yates, drawing with <see cref="Random.Next(int)"/>), the
    /// first <paramref name="perClass"/> of each class in that order are kept, and the result is
    /// sorted so that the subset keeps the original order of the images.
    /// </summary>
    /// <returns>Ascending indices into <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentException">A class has fewer than <paramref name="perClass"/> images.</exception>
    public static int[] PickBalanced(ImageDataset data, int perClass, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        int[] available = data.CountPerClass();
        for (int c = 0; c < available.Length; c++)
        {
            if (available[c] < perClass)
                throw new ArgumentException(
                    $"Class '{data.ClassNames[c]}' has {available[c]} images in {data.Source}, fewer than the {perClass} asked for.",
                    nameof(perClass));
        }

        // Our own loop rather than Random.Shuffle: the seeded Random(int) sequence is kept stable
        // across .NET versions, Shuffle's use of it is not promised to be, and the committed subset
        // must be reproducible.
        var order = new int[data.Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var random = new Random(seed);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var taken = new int[available.Length];
        var chosen = new List<int>(perClass * available.Length);
        foreach (int index in order)
        {
            long label = data.Labels[index];
            if (taken[label] < perClass)
            {
                taken[label]++;
                chosen.Add(index);
            }
        }
        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>
    /// Writes balanced subsets of <paramref name="train"/> and <paramref name="test"/> (see
    /// <see cref="PickBalanced"/>; both splits are drawn with the same <paramref name="seed"/>) to
    /// <paramref name="outputDir"/> as the four <c>.gz</c> IDX files, replacing files of the same
    /// names. Identical inputs give byte-identical files.
    /// </summary>
    /// <returns>The paths written, in the order of <see cref="MnistFiles.All"/>.</returns>
    /// <exception cref="ArgumentException">A class has too few images, or an image has more than one channel.</exception>
    /// <exception cref="DataException"><paramref name="outputDir"/> holds an uncompressed file of one of the four names.</exception>
    public static IReadOnlyList<string> Write(ImageDataset train, ImageDataset test,
        int trainPerClass, int testPerClass, int seed, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentException.ThrowIfNullOrEmpty(outputDir);
        foreach (var split in new[] { train, test })
        {
            // The MNIST image files are [N, H, W]; a channel axis would make them unreadable as MNIST.
            if (split.Channels != 1)
                throw new ArgumentException($"IDX subsets hold grey-scale images; {split.Source} has {split.Channels} channels.");
        }

        ImageDataset trainSubset = train.Take(PickBalanced(train, trainPerClass, seed));
        ImageDataset testSubset = test.Take(PickBalanced(test, testPerClass, seed));
        foreach (string name in MnistFiles.All)
        {
            // MnistFiles.Find prefers uncompressed files, so a stale one would hide the new subset.
            string raw = Path.Combine(outputDir, name);
            if (File.Exists(raw))
                throw new DataException(raw, "an uncompressed file here would be read instead of the subset's .gz file; remove it first");
        }
        Directory.CreateDirectory(outputDir);
        var written = new List<string>(4);
        foreach (var (subset, imagesName, labelsName) in new[]
                 {
                     (trainSubset, MnistFiles.TrainImages, MnistFiles.TrainLabels),
                     (testSubset, MnistFiles.TestImages, MnistFiles.TestLabels),
                 })
        {
            string imagesPath = Path.Combine(outputDir, imagesName + ".gz");
            string labelsPath = Path.Combine(outputDir, labelsName + ".gz");
            IdxWriter.Write(imagesPath, new IdxArray([subset.Count, subset.Height, subset.Width], subset.Pixels), gzip: true);
            IdxWriter.Write(labelsPath, new IdxArray([subset.Count], ToBytes(subset.Labels)), gzip: true);
            written.Add(imagesPath);
            written.Add(labelsPath);
        }
        return written;
    }

    private static byte[] ToBytes(long[] labels)
    {
        var bytes = new byte[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is < 0 or > byte.MaxValue)
                throw new ArgumentException($"Label {labels[i]} of image {i} does not fit an IDX byte.", nameof(labels));
            bytes[i] = (byte)labels[i];
        }
        return bytes;
    }
}
