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
        Assert.Equal("true_class,park,\"bus, city\",metro", lines[0]);
        Assert.Equal("park,1,1,0", lines[1]);
        Assert.Equal("\"bus, city\",0,1,0", lines[2]);
        Assert.Equal("metro,1,0,2", lines[3]);
    }

    [Fact]
    public void HeatmapCellsAreColouredByTheirRowShareDarkPurpleForNoneToYellowForAll()
    {
        using var folder = new TempFolder();
        var path = folder.File("confusion.png");
        // Rows normalised: park [4/4, 0/4], street [1/4, 3/4].
        var metrics = new ClassificationMetrics(new long[] { 0, 0, 0, 0, 1, 1, 1, 1 }, new long[] { 0, 0, 0, 0, 0, 1, 1, 1 }, ["park", "street"]);

        ConfusionMatrixReport.WritePng(path, metrics, "test");

        using var image = PngPixels.Load(path);
        // max(480, 60 k + 200) square for k = 2 classes.
        Assert.Equal((480, 480), (image.Width, image.Height));
        var cells = PngPixels.LargestColourRegions(image, 4);
        Assert.All(cells, cell => Assert.True(cell.Count > 2000, $"{cell} is too small for a heatmap cell"));
        // Two rows of two: true class from the top, predicted class from the left.
        var rows = cells.OrderBy(c => c.CentreY).Chunk(2).Select(row => row.OrderBy(c => c.CentreX).ToArray()).ToArray();
        var (all, none, quarter, threeQuarters) = (rows[0][0], rows[0][1], rows[1][0], rows[1][1]);
        Assert.True(all.Luma > threeQuarters.Luma && threeQuarters.Luma > quarter.Luma && quarter.Luma > none.Luma,
            $"lightness should grow with the share: {none}, {quarter}, {threeQuarters}, {all}");
        // Viridis ends: yellow at 1, dark purple at 0.
        Assert.True(all.Colour.Red > 200 && all.Colour.Green > 200 && all.Colour.Blue < 100, $"{all}");
        Assert.True(none.Colour.Blue > none.Colour.Green && none.Luma < 60, $"{none}");
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}
