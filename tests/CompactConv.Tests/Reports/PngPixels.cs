using SkiaSharp;

namespace CompactConv.Tests.Reports;

/// <summary>A rectangle of pixels, edges included.</summary>
public readonly record struct PixelBox(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left + 1;

    public double CentreX => (Left + Right) / 2.0;

    public double CentreY => (Top + Bottom) / 2.0;
}

/// <summary>A colour that fills a large area of an image, with where its pixels lie.</summary>
public sealed record ColourRegion(SKColor Colour, int Count, double CentreX, double CentreY)
{
    /// <summary>Perceived lightness (ITU-R BT.601 luma), 0 to 255.</summary>
    public double Luma => 0.299 * Colour.Red + 0.587 * Colour.Green + 0.114 * Colour.Blue;
}

/// <summary>Reads plots back from their PNG files: decoded pixels, flat-colour regions and bars.</summary>
public static class PngPixels
{
    public static SKBitmap Load(string path)
    {
        var bitmap = SKBitmap.Decode(path);
        Assert.True(bitmap is not null, $"{path} is not a decodable image");
        return bitmap;
    }

    /// <summary>
    /// The <paramref name="count"/> colours that cover most pixels, leaving out white, black and greys
    /// (background, text, axes), largest first.
    /// </summary>
    public static IReadOnlyList<ColourRegion> LargestColourRegions(SKBitmap bitmap, int count)
    {
        var tally = new Dictionary<SKColor, (int Count, long SumX, long SumY)>();
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 40) continue;
                tally.TryGetValue(c, out var t);
                tally[c] = (t.Count + 1, t.SumX + x, t.SumY + y);
            }
        return tally.OrderByDescending(p => p.Value.Count).Take(count)
            .Select(p => new ColourRegion(p.Key, p.Value.Count, (double)p.Value.SumX / p.Value.Count, (double)p.Value.SumY / p.Value.Count))
            .ToList();
    }

    /// <summary>
    /// Boxes around the pixels within <paramref name="tolerance"/> of <paramref name="colour"/>: one per
    /// run of consecutive rows that hold such pixels, top to bottom, at least <paramref name="minWidth"/> wide.
    /// </summary>
    public static IReadOnlyList<PixelBox> Bars(SKBitmap bitmap, SKColor colour, int tolerance = 3, int minWidth = 4)
    {
        var boxes = new List<PixelBox>();
        PixelBox? open = null;
        for (int y = 0; y < bitmap.Height; y++)
        {
            int left = int.MaxValue, right = -1;
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - colour.Red) > tolerance || Math.Abs(c.Green - colour.Green) > tolerance || Math.Abs(c.Blue - colour.Blue) > tolerance) continue;
                left = Math.Min(left, x);
                right = x;
            }
            if (right >= 0)
            {
                open = open is { } box ? new PixelBox(Math.Min(box.Left, left), box.Top, Math.Max(box.Right, right), y) : new PixelBox(left, y, right, y);
                continue;
            }
            if (open is { } done && done.Width >= minWidth) boxes.Add(done);
            open = null;
        }
        if (open is { } last && last.Width >= minWidth) boxes.Add(last);
        return boxes;
    }
}
