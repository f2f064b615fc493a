using System.Globalization;
using System.Text;
using CompactConv.Reports;

namespace CompactConv.Complexity;

/// <summary>Lays out a <see cref="CostReport"/> as a table and as plain text.</summary>
internal static class CostTable
{
    public static TextTable Table(CostReport report)
    {
        var table = new TextTable().AddColumns("Layer", "Type", "Output", "Params", "MACs", "Ops", "Memory (B)");
        foreach (var layer in report.Layers)
        {
            table.AddRow(
                layer.Name,
                layer.Type,
                Shape(layer.OutputShape),
                Number(layer.Parameters),
                layer.HasCostModel ? Number(layer.Macs) : "?",
                layer.HasCostModel ? Number(layer.Ops) : "?",
                Number(layer.ActivationBytes));
        }
        return table.SetFooter("Total", "", "", Number(report.Parameters), Number(report.Macs), Number(report.Ops),
            Number(report.TotalActivationBytes));
    }

    public static IReadOnlyList<string> MemoryLines(CostReport report) =>
    [
        $"Activation memory: peak {Number(report.PeakActivationBytes)} B, sum {Number(report.TotalActivationBytes)} B",
        $"Serialized size: {Number(report.SerializedBytes)} B",
    ];

    public static string Format(CostReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Input {Shape(report.InputShape)} (batch of one)"));
        text.Append(Table(report).ToAligned());
        foreach (var line in MemoryLines(report)) text.AppendLine(line);
        return text.ToString();
    }

    private static string Shape(IReadOnlyList<long> shape) =>
        shape.Count == 0 ? "scalar" : string.Join("x", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
