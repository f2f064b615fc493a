using SkiaSharp;

namespace CompactConv.Data.Images;

/// <summary>
/// Decodes one PNG or JPEG file with SkiaSharp into [C, H, W] bytes of a fixed size. The file's
/// content decides the format, not its extension. Transparency is composited over black (decoding
/// is premultiplied, which is also what makes resizing blend edges correctly). JPEG orientation
/// tags are not applied, as in PIL and torchvision.
/// </summary>
internal static class ImageDecoder
{
    /// <summary>
    /// The resize filter: bilinear between the two nearest levels of a mipmap pyramid (trilinear).
    /// Plain bilinear or bicubic sampling reads only the few source pixels next to each output pixel,
    /// so shrinking a photo to 32x32 would alias; the pyramid's 2x2 box averages make every source
    /// pixel count, close to an area average.
    /// </summary>
    public static SKSamplingOptions Sampling { get; } = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Decodes <paramref name="path"/>, resizes it to <paramref name="height"/> x <paramref name="width"/>
    /// and writes it to <paramref name="destination"/> channel by channel: red, green, blue planes, or
    /// one grey plane with <paramref name="grey"/> (ITU-R BT.601 luma, (299 R + 587 G + 114 B) / 1000
    /// rounded, as PIL's "L" conversion).
    /// </summary>
    /// <returns>Null on success, else why the file cannot be used (one line, without the path).</returns>
    public static string? Decode(string path, int height, int width, bool grey, Span<byte> destination)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read: {e.Message.ReplaceLineEndings(" ")}";
        }
        if (bytes.Length == 0)
            return "empty file";

        using var codec = SKCodec.Create(new MemoryStream(bytes), out var opened);
        if (codec is null)
            return $"not a decodable image ({Describe(opened)})";
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        // Skia fills what it could read of a cut-off file and reports it; such an image is not kept.
        if (result != SKCodecResult.Success)
            return $"cannot decode: {Describe(result)}";

        if (decoded.Width == width && decoded.Height == height)
        {
            WritePlanes(decoded, grey, destination);
            return null;
        }
        using var resized = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), Sampling);
        if (resized is null)
            return $"cannot resize {decoded.Width}x{decoded.Height} to {width}x{height}";
        WritePlanes(resized, grey, destination);
        return null;
    }

    private static void WritePlanes(SKBitmap bitmap, bool grey, Span<byte> destination)
    {
        int height = bitmap.Height, width = bitmap.Width, plane = height * width, rowBytes = bitmap.RowBytes;
        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        for (int y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * rowBytes, width * 4);
            for (int x = 0; x < width; x++)
            {
                byte r = row[4 * x], g = row[4 * x + 1], b = row[4 * x + 2];
                int at = y * width + x;
                if (grey)
                {
                    destination[at] = (byte)((299 * r + 587 * g + 114 * b + 500) / 1000);
                }
                else
                {
                    destination[at] = r;
                    destination[plane + at] = g;
                    destination[2 * plane + at] = b;
                }
            }
        }
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the image data ends early (a cut-off file?)",
        SKCodecResult.ErrorInInput => "the image data is corrupt",
        SKCodecResult.Unimplemented => "an image format or variant that cannot be decoded",
        SKCodecResult.InvalidInput => "not a PNG or JPEG image",
        _ => $"decoder says {result}",
    };
}
