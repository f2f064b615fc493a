using CompactConv.Data.Images;

namespace CompactConv.Tests.Data.Images;

/// <summary>Writes tiny CIFAR-10 and CIFAR-100 binary folders whose content is predictable from the record index.</summary>
public static class FakeCifar
{
    public const int ImageBytes = 3072;

    public static readonly string[] Cifar10Classes = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>Byte p of image i; <paramref name="salt"/> tells files apart.</summary>
    public static byte Pixel(int image, int pixel, int salt) => (byte)((image * 13 + pixel * 5 + salt * 71) % 256);

    /// <summary>The image bytes of <paramref name="count"/> records of one file.</summary>
    public static byte[] Images(int count, int salt)
    {
        var pixels = new byte[count * ImageBytes];
        for (int i = 0; i < count; i++)
            for (int p = 0; p < ImageBytes; p++)
                pixels[i * ImageBytes + p] = Pixel(i, p, salt);
        return pixels;
    }

    /// <summary>Records of the given label bytes (one array per label field, in record order) and <see cref="Images"/>.</summary>
    public static byte[] Records(int salt, params byte[][] labelFields)
    {
        int count = labelFields[0].Length;
        var images = Images(count, salt);
        using var stream = new MemoryStream();
        for (int i = 0; i < count; i++)
        {
            foreach (var field in labelFields) stream.WriteByte(field[i]);
            stream.Write(images, i * ImageBytes, ImageBytes);
        }
        return stream.ToArray();
    }

    public static byte[] Cifar10Labels(int count, int offset) => Enumerable.Range(0, count).Select(i => (byte)((i + offset) % 10)).ToArray();

    /// <summary>
    /// A CIFAR-10 folder: data_batch_k.bin holds <paramref name="perBatch"/>[k-1] records (salt k),
    /// test_batch.bin <paramref name="test"/> records (salt 9); batches.meta.txt ends with blank lines
    /// like the published file.
    /// </summary>
    public static void WriteCifar10(string folder, int[] perBatch, int test)
    {
        Directory.CreateDirectory(folder);
        for (int k = 1; k <= 5; k++)
            File.WriteAllBytes(Path.Combine(folder, $"data_batch_{k}.bin"), Records(k, Cifar10Labels(perBatch[k - 1], k)));
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Records(9, Cifar10Labels(test, 0)));
        File.WriteAllText(Path.Combine(folder, "batches.meta.txt"), string.Join("\n", Cifar10Classes) + "\n\n");
    }

    public static string[] FineNames => Enumerable.Range(0, 100).Select(i => $"fine{i:D2}").ToArray();

    public static string[] CoarseNames => Enumerable.Range(0, 20).Select(i => $"coarse{i:D2}").ToArray();

    /// <summary>Coarse label of record i: i mod 20; fine label: (7 i) mod 100.</summary>
    public static byte Coarse(int i) => (byte)(i % 20);

    public static byte Fine(int i) => (byte)(i * 7 % 100);

    public static void WriteCifar100(string folder, int train, int test)
    {
        Directory.CreateDirectory(folder);
        byte[] Coarses(int n) => Enumerable.Range(0, n).Select(Coarse).ToArray();
        byte[] Fines(int n) => Enumerable.Range(0, n).Select(Fine).ToArray();
        File.WriteAllBytes(Path.Combine(folder, "train.bin"), Records(1, Coarses(train), Fines(train)));
        File.WriteAllBytes(Path.Combine(folder, "test.bin"), Records(2, Coarses(test), Fines(test)));
        File.WriteAllText(Path.Combine(folder, "fine_label_names.txt"), string.Join("\n", FineNames) + "\n");
        File.WriteAllText(Path.Combine(folder, "coarse_label_names.txt"), string.Join("\r\n", CoarseNames) + "\r\n\r\n");
    }

    public static ImageDatasetOptions Defaults => new();
}
