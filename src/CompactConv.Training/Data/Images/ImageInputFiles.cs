using System.Globalization;

namespace CompactConv.Data.Images;

/// <summary>Images read for prediction, in order: one name per image and all pixels as N·C·H·W bytes.</summary>
/// <param name="Names">The file's path for a PNG or JPEG file, <c>path#i</c> (from 0) for image i of an IDX file.</param>
/// <param name="Pixels">Channels x rows x columns of each image, image after image.</param>
public sealed record ImageInputs(IReadOnlyList<string> Names, byte[] Pixels);

/// <summary>
/// Reads images to classify in a model's input shape: PNG and JPEG files (and whatever else
/// <see cref="ImageDecoder"/> decodes) are resized and turned grey or RGB as the folder layout does
/// it for training; an IDX file (gzip or not) gives every image it holds, which must already have
/// the model's size and channels, since IDX sets are read unresized for training too.
/// The content decides the format, not the file name.
/// </summary>
public static class ImageInputFiles
{
    /// <summary>Reads <paramref name="paths"/> as images of <paramref name="channels"/> x <paramref name="height"/> x <paramref name="width"/>.</summary>
    /// <exception cref="DataException">A file is missing, unreadable, not an image file, or holds images of another size or channel count; names the file.</exception>
    public static ImageInputs Read(IReadOnlyList<string> paths, int channels, int height, int width)
    {
        var names = new List<string>();
        var pixels = new MemoryStream();
        foreach (var path in paths)
        {
            if (IsIdx(path))
            {
                var images = ReadIdx(path, channels, height, width);
                int count = images.Shape[0];
                for (int i = 0; i < count; i++) names.Add(string.Create(CultureInfo.InvariantCulture, $"{path}#{i}"));
                pixels.Write(images.Data);
            }
            else
            {
                pixels.Write(Decode(path, channels, height, width));
                names.Add(path);
            }
        }
        return new ImageInputs(names, pixels.ToArray());
    }

    // IDX files start with two zero bytes; gzip files (IDX sets are usually shipped gzipped) with 1f 8b.
    private static bool IsIdx(string path)
    {
        if (Directory.Exists(path)) throw new DataException(path, "is a folder, not an image file");
        if (!File.Exists(path)) throw new DataException(path, "file not found");
        Span<byte> magic = stackalloc byte[2];
        int got;
        try
        {
            using var file = File.OpenRead(path);
            got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(path, $"cannot read: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        return got == 2 && (magic is [0, 0] || magic is [0x1f, 0x8b]);
    }

    private static IdxArray ReadIdx(string path, int channels, int height, int width)
    {
        var array = IdxReader.Read(path);
        var shape = array.Shape;
        // MNIST-family images are [N, H, W] (one channel); [N, C, H, W] holds colour images.
        var (c, h, w) = shape.Length switch
        {
            3 => (1, shape[1], shape[2]),
            4 => (shape[1], shape[2], shape[3]),
            _ => throw new DataException(path, $"holds an IDX array of shape {array.ShapeText}, not images ([N, H, W] or [N, C, H, W]; a label file?)"),
        };
        if (c != channels)
            throw new DataException(path, $"holds {c}-channel images (IDX shape {array.ShapeText}), but the run takes {channels}-channel input ({channels}x{height}x{width})");
        if (h != height || w != width)
            throw new DataException(path, $"holds {h}x{w} images (IDX shape {array.ShapeText}), but the run takes {height}x{width}; IDX images are not resized");
        return array;
    }

    private static byte[] Decode(string path, int channels, int height, int width)
    {
        if (channels is not (1 or 3))
            throw new DataException(path, $"the run takes {channels}-channel input; PNG and JPEG images give 1 (grey) or 3 (RGB) channels");
        var pixels = new byte[channels * height * width];
        return ImageDecoder.Decode(path, height, width, grey: channels == 1, pixels) is { } problem ? throw new DataException(path, problem) : pixels;
    }
}
