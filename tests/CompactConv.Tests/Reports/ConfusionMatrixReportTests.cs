using CompactConv.Metrics;
using CompactConv.Reports;

namespace CompactConv.Tests.Reports;

public class ConfusionMatrixReportTests
{
    private static ClassificationMetrics Sample() =>
        new(new long[] { 0, 0, 1, 2, 2, 2 }, new long[] { 0, 1, 1, 2, 0, 2 }, ["park", "bus, city", "metro"]);

    [Fact]
    public void CsvHasTrueRowsPredictedColumnsAndQuotesNames()
    {
        var lines = ConfusionMatrixReport.ToCsv(Sample()).TrimEnd().Split(Environment.NewLine);
        Assert.Equal("true\\predicted,park,\"bus, city\",metro", lines[0]);
        Assert.Equal("park,1,1,0", lines[1]);
        Assert.Equal("\"bus, city\",0,1,0", lines[2]);
        Assert.Equal("metro,1,0,2", lines[3]);
    }

    [Fact]
    public void HeatmapIsAPngImage()
    {
        using var folder = new TempFolder();
        var path = folder.File("confusion.png");
        ConfusionMatrixReport.WritePng(path, Sample(), "test");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
