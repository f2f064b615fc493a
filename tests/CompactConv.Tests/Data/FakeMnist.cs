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
}
