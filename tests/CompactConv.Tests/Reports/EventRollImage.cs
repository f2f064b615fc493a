using SkiaSharp;

namespace CompactConv.Tests.Reports;

/// <summary>
/// The bars of an event roll PNG, found by their fill colours: EventRollPlot fills reference bars with
/// #1f77b4 and estimate bars with #ff7f0e at 80 % opacity, which over the white background become the
/// colours below.
/// </summary>
public sealed class EventRollImage
{
    public static readonly SKColor ReferenceFill = OverWhite(0x1f, 0x77, 0xb4);
    public static readonly SKColor EstimateFill = OverWhite(0xff, 0x7f, 0x0e);

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Reference bars, top to bottom.</summary>
    public required IReadOnlyList<PixelBox> Reference { get; init; }

    /// <summary>Estimate bars, top to bottom.</summary>
    public required IReadOnlyList<PixelBox> Estimate { get; init; }

    public static EventRollImage Load(string path)
    {
        using var bitmap = PngPixels.Load(path);
        return new EventRollImage
        {
            Width = bitmap.Width,
            Height = bitmap.Height,
            Reference = PngPixels.Bars(bitmap, ReferenceFill),
            Estimate = PngPixels.Bars(bitmap, EstimateFill),
        };
    }

    /// <summary>
    /// Asserts that <paramref name="bar"/> spans <paramref name="onset"/> to <paramref name="offset"/> seconds
    /// on the time axis that <paramref name="ruler"/>, a bar from <paramref name="rulerOnset"/> to
    /// <paramref name="rulerOffset"/>, fixes, within two pixels.
    /// </summary>
    public static void AssertSpans(PixelBox bar, double onset, double offset, PixelBox ruler, double rulerOnset, double rulerOffset)
    {
        // Bars are outlined one pixel wide in the unblended colour, so each fill starts a pixel inside its edges.
        double pixelsPerSecond = (ruler.Right - ruler.Left + 2) / (rulerOffset - rulerOnset);
        double zero = ruler.Left - 1 - rulerOnset * pixelsPerSecond;
        Assert.InRange(bar.Left, zero + onset * pixelsPerSecond + 1 - 2, zero + onset * pixelsPerSecond + 1 + 2);
        Assert.InRange(bar.Right, zero + offset * pixelsPerSecond - 1 - 2, zero + offset * pixelsPerSecond - 1 + 2);
    }

    private static SKColor OverWhite(byte r, byte g, byte b) =>
        new((byte)Math.Round(0.8 * r + 0.2 * 255), (byte)Math.Round(0.8 * g + 0.2 * 255), (byte)Math.Round(0.8 * b + 0.2 * 255));
}
