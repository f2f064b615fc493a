using SkiaSharp;

namespace CompactConv.Tests.Data.Images;

/// <summary>Writes small PNG and JPEG files for the folder layout tests.</summary>
public static class ImageFiles
{
    /// <summary>Writes an image whose pixel (x, y) has colour <paramref name="colour"/>(x, y), as PNG or (".jpg"/".jpeg") JPEG at quality 100.</summary>
    public static string Write(string path, int width, int height, Func<int, int, SKColor> colour)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, colour(x, y));
        var format = Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        using var data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    public static string Solid(string path, SKColor colour, int width = 6, int height = 5) => Write(path, width, height, (_, _) => colour);
}
