using System.Globalization;
using CompactConv.Data.Events;

namespace CompactConv.Tests.Data.Events;

public class EventListTsvTests
{
    [Fact]
    public void ColumnsAreFoundByNameAndEmptyRowsDeclareFilesWithoutEvents()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.tsv");
        // Reordered columns, an extra one, CRLF line ends, a line of tabs only (blank), and two files
        // without events (one with its trailing tabs, one without).
        File.WriteAllText(path,
            "event_label\tfilename\tconfidence\tonset\toffset\r\n" +
            "dog\tb.wav\t0.9\t1.5\t2.25\r\n" +
            "\t\t\t\t\r\n" +
            "\tempty.wav\t\t\t\r\n" +
            "cat\ta.wav\t0.4\t0\t10\r\n" +
            "dog\tb.wav\t\t3\t3\r\n");
        File.AppendAllText(path, "\tbare.wav\n");

        var list = EventListTsv.Read(path);

        Assert.Equal(["b.wav", "empty.wav", "a.wav", "bare.wav"], list.Files);
        Assert.Equal([new SoundEvent("b.wav", 1.5, 2.25, "dog"), new SoundEvent("a.wav", 0, 10, "cat"), new SoundEvent("b.wav", 3, 3, "dog")], list.Events);
    }

    [Fact]
    public void EveryBadRowIsReportedWithItsLineInOneError()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.tsv");
        File.WriteAllText(path,
            "filename\tonset\toffset\tevent_label\n" +
            "a.wav\t1\t2\tdog\n" +        // line 2: fine
            "a.wav\t-1\t2\tdog\n" +       // line 3: negative onset
            "a.wav\t3\t2\tdog\n" +        // line 4: offset before onset
            "a.wav\t1,5\t2\tdog\n" +      // line 5: not a number (decimal comma)
            "a.wav\t1\t2\tdgo\n" +        // line 6: unknown label
            "a.wav\t1\t\tdog\n" +         // line 7: half-empty row
            "\t1\t2\tdog\n");             // line 8: no file name

        var error = Assert.Throws<DataException>(() => EventListTsv.Read(path, ["dog", "cat"]));

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"{path}: 6 problems: line 3: onset -1 is negative; line 4: offset 2 is before onset 3; line 5: onset '1,5' is not a number; " +
            "line 6: event_label 'dgo' is not one of the known labels (cat, dog); line 7: empty offset", error.Message);
        Assert.EndsWith("... and 1 more", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AHeaderWithoutTheColumnsOrAMissingFileIsRefused()
    {
        using var folder = new TempFolder();
        var spaces = folder.File("spaces.tsv");
        File.WriteAllText(spaces, "filename onset offset event_label\na.wav 1 2 dog\n");
        var error = Assert.Throws<DataException>(() => EventListTsv.Read(spaces));
        Assert.Contains("line 1: header lacks columns filename, onset, offset, event_label", error.Message);
        Assert.Contains("tab-separated", error.Message);

        var empty = folder.File("empty.tsv");
        File.WriteAllText(empty, "");
        Assert.Contains("line 1: no header", Assert.Throws<DataException>(() => EventListTsv.Read(empty)).Message);

        var missing = folder.File("missing.tsv");
        Assert.Equal(missing, Assert.Throws<DataException>(() => EventListTsv.Read(missing)).Path);
    }

    [Fact]
    public void WrittenListsReadBackWithMillisecondTimesInAnyCulture()
    {
        using var folder = new TempFolder();
        var path = folder.File("out/list.tsv");
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma must not leak into the file.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            EventListTsv.Write(path, [new SoundEvent("a.wav", 0.12345, 1.5, "dog"), new SoundEvent("b.wav", 2, 2.0006, "cat")], ["c.wav", "a.wav"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal("filename\tonset\toffset\tevent_label\na.wav\t0.123\t1.5\tdog\nb.wav\t2\t2.001\tcat\nc.wav\t\t\t\n", File.ReadAllText(path));
        var list = EventListTsv.Read(path);
        Assert.Equal(["a.wav", "b.wav", "c.wav"], list.Files);
        Assert.Equal(new SoundEvent("b.wav", 2, 2.001, "cat"), list.Events[1]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void NamesThatWouldBreakTheFormatAreRefused()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.tsv");
        Assert.Throws<ArgumentException>(() => EventListTsv.Write(path, [new SoundEvent("a.wav", 0, 1, "dog\tbark")]));
        Assert.Throws<ArgumentException>(() => EventListTsv.Write(path, [], ["new\nline.wav"]));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ExactTimesReadBackAsTheSameNumbers()
    {
        using var folder = new TempFolder();
        var path = folder.File("exact.tsv");
        var events = new[] { new SoundEvent("a.wav", 0.1 + 0.2, 2.5714285714285716, "dog"), new SoundEvent("a.wav", 1e-7, 3, "cat") };

        EventListTsv.Write(path, events, ["b.wav"], exactTimes: true);

        Assert.Equal("filename\tonset\toffset\tevent_label\na.wav\t0.30000000000000004\t2.5714285714285716\tdog\na.wav\t1E-07\t3\tcat\nb.wav\t\t\t\n",
            File.ReadAllText(path));
        var list = EventListTsv.Read(path);
        Assert.Equal(events, list.Events);
        Assert.Equal(["a.wav", "b.wav"], list.Files);
    }

    [Fact]
    public void ScoredListsNeedAScoreForEveryEvent()
    {
        using var folder = new TempFolder();
        var path = folder.File("scored.tsv");
        File.WriteAllText(path, "filename\tonset\toffset\tevent_label\tscore\na.wav\t0\t1\tdog\t0.75\nb.wav\t\t\t\t\na.wav\t2\t3\tcat\t1e-2\n");

        var list = EventListTsv.ReadScored(path);

        Assert.Equal(["a.wav", "b.wav"], list.Files);
        Assert.Equal([new ScoredEvent(new SoundEvent("a.wav", 0, 1, "dog"), 0.75), new ScoredEvent(new SoundEvent("a.wav", 2, 3, "cat"), 0.01)], list.Events);
        // The plain reader ignores the column.
        Assert.Equal(2, EventListTsv.Read(path).Events.Count);

        File.WriteAllText(path, "filename\tonset\toffset\tevent_label\tscore\na.wav\t0\t1\tdog\t\na.wav\t0\t1\tdog\thigh\n");
        var error = Assert.Throws<DataException>(() => EventListTsv.ReadScored(path));
        Assert.Equal($"{path}: 2 problems: line 2: empty score (a file without events leaves onset, offset, event_label and score all empty); " +
            "line 3: score 'high' is not a number", error.Message);

        var unscored = folder.File("unscored.tsv");
        File.WriteAllText(unscored, "filename\tonset\toffset\tevent_label\na.wav\t0\t1\tdog\n");
        Assert.Contains("line 1: header lacks column score", Assert.Throws<DataException>(() => EventListTsv.ReadScored(unscored)).Message);
    }
}
