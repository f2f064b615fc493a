using System.Globalization;
using System.Text;

namespace CompactConv.Complexity;

/// <summary>Renders a <see cref="CostReport"/> as an aligned plain-text table.</summary>
internal static class CostTable
{
    private static readonly string[] Header = ["Layer", "Type", "Output", "Params", "MACs", "Ops", "Memory (B)"];

    // Text columns read best left-aligned, numbers right-aligned so digits line up.
    private static readonly bool[] RightAligned = [false, false, false, true, true, true, true];

    public static string Format(CostReport report)
    {
        var rows = new List<string[]> { Header };
        foreach (var layer in report.Layers)
        {
            rows.Add([
                layer.Name,
                layer.Type,
                Shape(layer.OutputShape),
                Number(layer.Parameters),
                layer.HasCostModel ? Number(layer.Macs) : "?",
                layer.HasCostModel ? Number(layer.Ops) : "?",
                Number(layer.ActivationBytes),
            ]);
        }
        rows.Add(["Total", "", "", Number(report.Parameters), Number(report.Macs), Number(report.Ops),
            Number(report.TotalActivationBytes)]);

        var widths = new int[Header.Length];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }

        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Input {Shape(report.InputShape)} (batch of one)"));
        for (int r = 0; r < rows.Count; r++)
        {
            if (r == 1 || r == rows.Count - 1) text.AppendLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
            text.AppendLine(Line(rows[r], widths));
        }
        text.AppendLine($"Activation memory: peak {Number(report.PeakActivationBytes)} B, sum {Number(report.TotalActivationBytes)} B");
        text.AppendLine($"Serialized size: {Number(report.SerializedBytes)} B");
        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths)
    {
        var parts = cells.Select((cell, i) => RightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        return string.Join("  ", parts).TrimEnd();
    }

    private static string Shape(IReadOnlyList<long> shape) =>
        shape.Count == 0 ? "scalar" : string.Join("x", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
