using CompactConv.Reports;

namespace CompactConv.Tests.Reports;

public class TextTableTests
{
    private static TextTable Sample() => new TextTable()
        .AddColumns("kind", "op", "params", "acc")
        .AddRow("standard", "", "2,415,919,104", "90.56 %")
        .AddRow("compact", "max", "75", "87.3 %")
        .SetFooter("total", "", "2,415,919,179", "");

    [Fact]
    public void TsvIsTheCellsAsShownOneLinePerRowWithTheFooterLast()
    {
        Assert.Equal(
            "kind\top\tparams\tacc\n" +
            "standard\t\t2,415,919,104\t90.56 %\n" +
            "compact\tmax\t75\t87.3 %\n" +
            "total\t\t2,415,919,179\t\n",
            Sample().ToTsv().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TabsAndLineBreaksInACellBecomeSpacesSoTsvKeepsItsColumns()
    {
        var table = new TextTable().AddColumns("file", "label").AddRow("a\tb.wav", "two\nlines");
        Assert.Equal("file\tlabel\na b.wav\ttwo lines\n", table.ToTsv().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AlignedTextPadsTextLeftAndNumbersRightWithRulesAroundTheBody()
    {
        Assert.Equal(
            "kind      op          params      acc\n" +
            "-------------------------------------\n" +
            "standard       2,415,919,104  90.56 %\n" +
            "compact   max             75   87.3 %\n" +
            "-------------------------------------\n" +
            "total          2,415,919,179\n",
            Sample().ToAligned().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("1,234", true)]
    [InlineData("-0.5", true)]
    [InlineData("1e-05", true)]
    [InlineData("90.56 %", true)]
    [InlineData("?", true)]
    [InlineData("NaN", true)]
    [InlineData("32x28x28", false)]
    [InlineData("12,34", false)]
    [InlineData("max", false)]
    public void AColumnIsNumericWhenEveryCellIsANumber(string cell, bool numeric)
    {
        var table = new TextTable().AddColumns("value").AddRow("7").AddRow(cell);
        Assert.Equal(numeric, table.IsNumeric(0));
    }

    [Fact]
    public void ARowOfTheWrongLengthIsRefused()
    {
        var table = new TextTable().AddColumns("a", "b");
        Assert.Contains("3 cells in a table of 2 columns", Assert.Throws<ArgumentException>(() => table.AddRow("1", "2", "3")).Message);
        table.AddRow("1", "2");
        Assert.Throws<InvalidOperationException>(() => table.AddColumns("c"));
    }
}
