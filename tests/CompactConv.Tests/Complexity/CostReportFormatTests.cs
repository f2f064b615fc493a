using CompactConv.Complexity;
using CompactConv.Layers;
using TorchSharp;

namespace CompactConv.Tests.Complexity;

public class CostReportFormatTests
{
    private static CostReport CompactReport()
    {
        using var scope = torch.NewDisposeScope();
        using var block = ConvFactory.Create(ConvKind.Compact, 8, 16, 3);
        return ModelCost.Measure(block, [8, 10, 12]);
    }

    [Fact]
    public void SummaryLineIsParamsThenMacs()
    {
        var report = CompactReport();
        var line = report.ToSummaryLine();
        Assert.Matches("^params=[0-9]+ macs=[0-9]+$", line);
        Assert.Equal($"params={report.Parameters} macs={report.Macs}", line);
    }

    [Fact]
    public void TableHasAHeaderOneLinePerLayerAndTotals()
    {
        var report = CompactReport();
        var lines = report.ToTable().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Input 8x10x12", lines[0]);
        Assert.Matches("^Layer +Type +Output +Params +MACs +Ops +Memory", lines[1]);
        for (int i = 0; i < report.Layers.Count; i++) Assert.StartsWith(report.Layers[i].Name + " ", lines[3 + i]);
        var total = lines.Single(l => l.StartsWith("Total", StringComparison.Ordinal));
        Assert.Contains(report.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), total);
        Assert.Contains(report.Macs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), total);
        Assert.Contains(lines, l => l.StartsWith("Serialized size:", StringComparison.Ordinal));
    }

    [Fact]
    public void NumberColumnsAreRightAligned()
    {
        var report = CompactReport();
        var lines = report.ToTable().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[1];
        int paramsEnd = header.IndexOf("Params", StringComparison.Ordinal) + "Params".Length;
        var layerLines = lines.Skip(3).Take(report.Layers.Count).ToList();
        // Params is the widest of header and values, or the values are wider; either way every cell ends on one column.
        var ends = layerLines.Select(l => EndOfNumberAt(l, paramsEnd - 1)).Distinct().ToList();
        Assert.Single(ends);
    }

    private static int EndOfNumberAt(string line, int index)
    {
        while (index < line.Length && line[index] != ' ') index++;
        return index;
    }
}
