using CompactConv.Pipelines;

namespace CompactConv.Tests.Pipelines;

/// <summary>The results table every demo writes.</summary>
public sealed class DemoTableTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static DemoRow Row(string conv, double width, long parameters, long macs, double accuracy) =>
        new(conv, conv == "compact" ? "max" : "", conv == "compact" ? 2 : 1, width, parameters, macs,
            [new("accuracy", accuracy, "accuracy", DemoFigureFormat.Percent), new("best_epoch", 7, "best epoch", DemoFigureFormat.Integer), new("train_seconds", 12.5)]);

    [Fact]
    public void CsvHasEveryFigureAndTheReportOnlyTheShownOnesRelativeToTheFirstStandardRow()
    {
        DemoRow[] rows = [Row("standard", 0.5, 1000, 4000, 0.9), Row("compact", 0.5, 250, 1000, 0.8125)];

        var notes = new NoteRecorder();
        DemoTable.Write(folder.Path, "A title", ["Data: somewhere", "Training: briefly"], rows, notes);
        Assert.Empty(notes.Lines);

        Assert.Equal(
            ["conv,op,r,width,params,macs,accuracy,best_epoch,train_seconds", "standard,,1,0.5,1000,4000,0.9,7,12.5", "compact,max,2,0.5,250,1000,0.8125,7,12.5"],
            File.ReadAllLines(Path.Combine(folder.Path, "results.csv")));
        var report = File.ReadAllLines(Path.Combine(folder.Path, "report.md"));
        Assert.Equal("# A title", report[0]);
        Assert.Equal(["- Data: somewhere", "- Training: briefly"], report[2..4]);
        Assert.Contains("| conv | op | r | width | params | params vs standard | MACs | MACs vs standard | accuracy | best epoch |", report);
        Assert.Contains("| compact | max | 2 | 0.5 | 250 | 25.0 % | 1,000 | 25.0 % | 81.25 % | 7 |", report);
        Assert.Equal(0.8125, rows[1]["accuracy"]);
        Assert.Throws<KeyNotFoundException>(() => rows[1]["segment_f1"]);
    }

    [Fact]
    public void WithoutAStandardRowTheRatiosAreBlank()
    {
        var table = DemoTable.Markdown([Row("compact", 1, 250, 1000, 0.5)]);

        Assert.Contains("| compact | max | 2 | 1 | 250 |  | 1,000 |  | 50.00 % | 7 |", table);
    }

    [Fact]
    public void RowsWithDifferentFiguresAreRefused()
    {
        var other = new DemoRow("standard", "", 1, 1, 1, 1, [new("segment_f1", 0.5)]);

        Assert.Throws<ArgumentException>(() => DemoTable.Markdown([Row("compact", 1, 1, 1, 0.5), other]));
        Assert.Throws<ArgumentException>(() => DemoTable.WriteCsv(folder.File("x.csv"), [Row("compact", 1, 1, 1, 0.5), other]));
        Assert.False(File.Exists(folder.File("x.csv")));
    }

    [Fact]
    public void AnEarlierTableIsKeptUnderATimestampNotOverwritten()
    {
        DemoRow[] first = [Row("standard", 1, 1000, 4000, 0.9)];
        DemoRow[] second = [Row("standard", 1, 1000, 4000, 0.5)];
        DemoTable.Write(folder.Path, "A title", [], first, new NoteRecorder());

        var notes = new NoteRecorder();
        DemoTable.Write(folder.Path, "A title", [], second, notes);

        var kept = Directory.GetFiles(folder.Path, "results-*.csv").Single();
        Assert.Equal("standard,,1,1,1000,4000,0.9,7,12.5", File.ReadAllLines(kept)[1]);
        Assert.Equal("standard,,1,1,1000,4000,0.5,7,12.5", File.ReadAllLines(Path.Combine(folder.Path, "results.csv"))[1]);
        Assert.Single(Directory.GetFiles(folder.Path, "report-*.md"));
        Assert.Equal([$"kept earlier results.csv as {Path.GetFileName(kept)}", $"kept earlier report.md as {Path.GetFileName(Directory.GetFiles(folder.Path, "report-*.md")[0])}"], notes.Lines);
    }

    private sealed class NoteRecorder : IDemoObserver
    {
        public List<string> Lines { get; } = [];
        public void DataLoaded(string source, long trainCount, long testCount) { }
        public CompactConv.Training.ITrainingObserver ForRun(string label) => CompactConv.Training.NullTrainingObserver.Instance;
        public void Note(string line) => Lines.Add(line);
    }
}
