using CompactConv.Data.Events;
using CompactConv.IO;

namespace CompactConv.Reports;

/// <summary>
/// Draws the reference and estimated events of one file as an event roll: a row per class, each row
/// split into a reference lane (upper) and an estimate lane (lower), time along the x axis.
/// </summary>
public static class EventRollPlot
{
    private static readonly ScottPlot.Color ReferenceColor = ScottPlot.Color.FromHex("#1f77b4");
    private static readonly ScottPlot.Color EstimateColor = ScottPlot.Color.FromHex("#ff7f0e");

    // Share of a lane's height the bars fill, so that neighbouring lanes stay apart.
    private const double BarHeight = 0.8;

    /// <summary>Writes the PNG atomically.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="file">The audio file shown, for the title; events of other files are ignored.</param>
    /// <param name="reference">Reference events.</param>
    /// <param name="estimate">Estimated events.</param>
    /// <param name="labels">The classes, top row first; pass the labels of whole lists so that plots of different files line up.</param>
    /// <exception cref="ArgumentException">An event's label is not in <paramref name="labels"/>.</exception>
    public static void WritePng(string path, string file, IEnumerable<SoundEvent> reference, IEnumerable<SoundEvent> estimate, IReadOnlyList<string> labels)
    {
        var referenceEvents = reference.Where(e => e.File == file).ToList();
        var estimateEvents = estimate.Where(e => e.File == file).ToList();
        var row = labels.Select((label, k) => (label, k)).ToDictionary(p => p.label, p => labels.Count - 1 - p.k, StringComparer.Ordinal);

        var plot = new ScottPlot.Plot();
        // ScottPlot's default family is missing on Linux and falls back to a serif face; DejaVu Sans
        // ships with most distributions (SkiaSharp falls back again where it does not).
        plot.Font.Set("DejaVu Sans");
        // Each class owns two units of height: the estimate lane [2r, 2r + 1) and the reference lane above it.
        AddBars(plot, referenceEvents, row, laneOffset: 1, ReferenceColor);
        AddBars(plot, estimateEvents, row, laneOffset: 0, EstimateColor);
        for (int r = 1; r < labels.Count; r++)
        {
            var separator = plot.Add.HorizontalLine(2 * r);
            separator.Color = ScottPlot.Colors.Gray;
            separator.LineWidth = 1;
        }
        plot.Axes.Left.SetTicks(labels.Select(l => 2.0 * row[l] + 1).ToArray(), labels.ToArray());
        double end = referenceEvents.Concat(estimateEvents).Select(e => e.Offset).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(0, Math.Max(end, 1) * 1.02, 0, Math.Max(2 * labels.Count, 2));
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "reference (upper lane)", FillColor = ReferenceColor });
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "estimate (lower lane)", FillColor = EstimateColor });
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        plot.XLabel("time (s)");
        plot.Title(file);
        int height = Math.Max(320, 56 * labels.Count + 200);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, 1000, height));
    }

    private static void AddBars(ScottPlot.Plot plot, List<SoundEvent> events, Dictionary<string, int> row, int laneOffset, ScottPlot.Color color)
    {
        foreach (var e in events)
        {
            if (!row.TryGetValue(e.Label, out int r))
                throw new ArgumentException($"event label '{e.Label}' of '{e.File}' is not in the label list");
            double bottom = 2 * r + laneOffset + (1 - BarHeight) / 2;
            // A zero-length event would vanish; a hairline keeps it visible.
            double right = Math.Max(e.Offset, e.Onset + 0.005);
            var bar = plot.Add.Rectangle(e.Onset, right, bottom, bottom + BarHeight);
            bar.FillColor = color.WithAlpha(0.8);
            bar.LineColor = color;
        }
    }
}
