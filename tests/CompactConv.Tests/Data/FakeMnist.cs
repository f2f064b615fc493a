using CompactConv.Data;

namespace CompactConv.Tests.Data;

/// <summary>Writes tiny, well-formed MNIST-layout folders whose content is predictable from the image index.</summary>
public static class FakeMnist
{
    public const int Side = 28;

    /// <summary>Pixel value of image <paramref name="image"/> at flat position <paramref name="pixel"/>; <paramref name="salt"/> tells splits apart.</summary>
    public static byte Pixel(int image, int pixel, int salt = 0) => (byte)((image * 31 + pixel * 7 + salt) % 256);

    /// <summary>Label of image <paramref name="image"/>: cycles through the ten classes.</summary>
    public static byte Label(int image) => (byte)(image % 10);

    public static IdxArray Images(int count, int salt = 0, int rows = Side, int columns = Side)
    {
        var data = new byte[count * rows * columns];
        for (int i = 0; i < count; i++)
            for (int p = 0; p < rows * columns; p++)
                data[i * rows * columns + p] = Pixel(i, p, salt);
        return new IdxArray([count, rows, columns], data);
    }

    public static IdxArray Labels(int count)
    {
        var data = new byte[count];
        for (int i = 0; i < count; i++)
            data[i] = Label(i);
        return new IdxArray([count], data);
    }

    /// <summary>Writes the four files to <paramref name="folder"/> (".gz" names when gzip).</summary>
    public static void Write(string folder, int trainCount, int testCount, bool gzip = true)
    {
        Directory.CreateDirectory(folder);
        string suffix = gzip ? ".gz" : "";
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TrainImages + suffix), Images(trainCount, salt: 1), gzip);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TrainLabels + suffix), Labels(trainCount), gzip);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TestImages + suffix), Images(testCount, salt: 2), gzip);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TestLabels + suffix), Labels(testCount), gzip);
    }

    /// <summary>
    /// Writes a learnable MNIST-layout set: image i is class i % 10, drawn as a bright 7x7 block at a
    /// position of its own (a 4 x 3 grid of places, the first ten used) over seeded noise, so a small
    /// network tells the classes apart within a few steps.
    /// </summary>
    public static void WriteSeparable(string folder, int trainCount, int testCount, int seed = 0)
    {
        Directory.CreateDirectory(folder);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TrainImages + ".gz"), SeparableImages(trainCount, seed), true);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TrainLabels + ".gz"), Labels(trainCount), true);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TestImages + ".gz"), SeparableImages(testCount, seed + 1), true);
        IdxWriter.Write(Path.Combine(folder, MnistFiles.TestLabels + ".gz"), Labels(testCount), true);
    }

    private static IdxArray SeparableImages(int count, int seed)
    {
        var random = new Random(seed);
        var data = new byte[count * Side * Side];
        for (int i = 0; i < count; i++)
        {
            int label = Label(i);
            int top = label / 3 * 7, left = label % 3 * 9;
            for (int y = 0; y < Side; y++)
                for (int x = 0; x < Side; x++)
                {
                    bool block = y >= top && y < top + 7 && x >= left && x < left + 7;
                    data[(i * Side + y) * Side + x] = (byte)((block ? 180 : 0) + random.Next(60));
                }
        }
        return new IdxArray([count, Side, Side], data);
    }
}
