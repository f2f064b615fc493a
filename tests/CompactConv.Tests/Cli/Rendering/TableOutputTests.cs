using CompactConv.Cli.Rendering;
using CompactConv.Reports;

namespace CompactConv.Tests.Cli.Rendering;

public class TableOutputTests
{
    // The bench layers table of a large layer: nine columns whose numbers the old output split at 80 columns.
    private static TextTable Wide() => new TextTable()
        .AddColumns("kind", "op", "r", "params", "MACs (batch)", "infer ms", "train ms", "infer / separable", "train / separable")
        .AddRow("standard", "", "1", "36,928", "2,415,919,104", "41.20", "128.33", "3.114", "2.871")
        .AddRow("separable", "", "1", "4,800", "314,572,800", "13.23", "44.70", "1.000", "1.000");

    private static string Render(TextTable table, TableFormat format, int width)
    {
        var writer = new StringWriter();
        TableOutput.Write(table, format, width, writer);
        return writer.ToString();
    }

    [Fact]
    public void AWideTerminalGetsADrawnTableWithEveryCellWholeOnItsRowsLine()
    {
        string output = Render(Wide(), TableFormat.Terminal, 160);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Contains('│', output);
        Assert.All(lines, line => Assert.True(line.Length <= 160, line));
        var standard = Assert.Single(lines, l => l.Contains("standard"));
        foreach (var cell in Wide().Rows[0].Where(c => c.Length > 0)) Assert.Contains(cell, standard);
        // Numbers are right-aligned: the MACs of both rows end in the same column.
        var separable = Assert.Single(lines, l => l.Contains("separable") && l.Contains("4,800"));
        Assert.Equal(standard.IndexOf("2,415,919,104", StringComparison.Ordinal) + "2,415,919,104".Length,
            separable.IndexOf("314,572,800", StringComparison.Ordinal) + "314,572,800".Length);
    }

    [Fact]
    public void ATableThatWouldWrapInsideItsCellsIsPrintedAsAlignedColumnsInstead()
    {
        Assert.Equal(Wide().ToAligned(), Render(Wide(), TableFormat.Terminal, 80));
    }

    [Fact]
    public void RedirectedOutputIsAlignedAndPlainIsTsvWhateverTheWidth()
    {
        Assert.Equal(Wide().ToAligned(), Render(Wide(), TableFormat.Aligned, 20));
        Assert.Equal(Wide().ToTsv(), Render(Wide(), TableFormat.Tsv, 20));
    }

    [Theory]
    [InlineData("132", 80, 132)]
    [InlineData(null, 101, 101)]
    [InlineData("", 101, 101)]
    [InlineData("wide", 101, 101)]
    [InlineData("0", 101, 101)]
    [InlineData("-5", 0, OutputTarget.FallbackWidth)]
    [InlineData(null, 0, OutputTarget.FallbackWidth)]
    public void ColumnsWinsWhenItIsAPositiveNumberThenTheTerminalThenEighty(string? columns, int window, int expected)
    {
        Assert.Equal(expected, OutputTarget.WidthFrom(columns, window));
    }
}
