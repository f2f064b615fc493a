using System.Globalization;
using System.Text;
using CompactConv.IO;
using CompactConv.Metrics;

namespace CompactConv.Reports;

/// <summary>Writes a confusion matrix as CSV (rows: true class, columns: predicted class) and as a PNG heatmap.</summary>
public static class ConfusionMatrixReport
{
    /// <summary>CSV with a header row of <c>true_class</c> and the predicted class names, then one row per true class.</summary>
    public static string ToCsv(ClassificationMetrics metrics)
    {
        var text = new StringBuilder();
        // snake_case like every other CSV header the program writes; the other headings are class names.
        text.Append("true_class");
        foreach (var name in metrics.ClassNames) text.Append(',').Append(Quote(name));
        text.AppendLine();
        for (int t = 0; t < metrics.ClassNames.Count; t++)
        {
            text.Append(Quote(metrics.ClassNames[t]));
            for (int p = 0; p < metrics.ClassNames.Count; p++) text.Append(',').Append(metrics.Confusion[t, p].ToString(CultureInfo.InvariantCulture));
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>Writes the CSV atomically.</summary>
    public static void WriteCsv(string path, ClassificationMetrics metrics) => AtomicFile.WriteText(path, ToCsv(metrics));

    /// <summary>
    /// Writes a heatmap of the row-normalised matrix (each true class sums to 1) with class names on
    /// both axes, atomically.
    /// </summary>
    public static void WritePng(string path, ClassificationMetrics metrics, string title)
    {
        int k = metrics.ClassNames.Count;
        var normalised = new double[k, k];
        for (int t = 0; t < k; t++)
        {
            long row = 0;
            for (int p = 0; p < k; p++) row += metrics.Confusion[t, p];
            for (int p = 0; p < k; p++) normalised[t, p] = row == 0 ? 0 : (double)metrics.Confusion[t, p] / row;
        }
        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(normalised);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        var ticks = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        // Row 0 of the matrix is drawn at the top: label the y axis from the top down.
        plot.Axes.Bottom.SetTicks(ticks, metrics.ClassNames.ToArray());
        plot.Axes.Left.SetTicks(ticks.Select(v => (double)(k - 1 - v)).ToArray(), metrics.ClassNames.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
        // Room for the rotated class names, so they do not run into the axis title.
        plot.Axes.Bottom.MinimumSize = 24 + 7 * metrics.ClassNames.Max(n => n.Length);
        plot.XLabel("predicted");
        plot.YLabel("true");
        plot.Title(title);
        int size = Math.Max(480, 60 * k + 200);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, size, size));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
