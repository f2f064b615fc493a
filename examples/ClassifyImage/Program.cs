// Classifies PNG or JPEG files with an image model written by `compactconv export`, using only the
// TorchSharp-free runtime package. The runtime takes pixels; SkiaSharp decodes and resizes here, and
// grey models get the luma of the colour pixels.
// Usage: ClassifyImage MODEL.onnx IMAGE.png [IMAGE.png ...]
using CompactConv.Runtime;
using SkiaSharp;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ClassifyImage MODEL.onnx IMAGE.png [IMAGE.png ...]");
    return 2;
}

try
{
    using var images = ImageClassifier.Open(args[0]);
    foreach (string file in args.Skip(1))
    {
        Classification answer = images.Classify(Pixels(file, images.Channels, images.Height, images.Width));
        string probabilities = string.Join(" ", answer.ClassNames.Select((name, c) => $"{name}={answer.Probabilities[c]:F4}"));
        Console.WriteLine($"{Path.GetFileName(file)}: {answer.Label} ({probabilities})");
    }
    return 0;
}
catch (Exception e) when (e is CompactConv.DataException or InvalidDataException)
{
    // The file's problem in one line (a model without CompactConv's metadata, an image that cannot be decoded...).
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The image as channel-major bytes [channels, height, width].
static byte[] Pixels(string file, int channels, int height, int width)
{
    using var decoded = SKBitmap.Decode(file) ?? throw new InvalidDataException($"{file}: not a PNG or JPEG image");
    var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
    using var sized = decoded.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) ?? throw new InvalidDataException($"{file}: cannot resize");
    ReadOnlySpan<byte> rgba = sized.GetPixelSpan();
    int plane = height * width;
    var pixels = new byte[channels * plane];
    for (int y = 0; y < height; y++)
    {
        for (int x = 0; x < width; x++)
        {
            int at = y * width + x, source = y * sized.RowBytes + 4 * x;
            byte r = rgba[source], g = rgba[source + 1], b = rgba[source + 2];
            if (channels == 1)
            {
                pixels[at] = (byte)((299 * r + 587 * g + 114 * b + 500) / 1000);
                continue;
            }
            pixels[at] = r;
            pixels[plane + at] = g;
            pixels[2 * plane + at] = b;
        }
    }
    return pixels;
}
