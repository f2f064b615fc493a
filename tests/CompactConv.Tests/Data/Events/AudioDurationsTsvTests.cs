using CompactConv.Data.Events;

namespace CompactConv.Tests.Data.Events;

public class AudioDurationsTsvTests
{
    [Fact]
    public void DurationsRoundTripExactly()
    {
        using var folder = new TempFolder();
        var path = folder.File("durations.tsv");
        var durations = new[] { KeyValuePair.Create("b.wav", 9.999977324263039), KeyValuePair.Create("a.wav", 10.0) };

        AudioDurationsTsv.Write(path, durations);

        Assert.Equal("filename\tduration\nb.wav\t9.999977324263039\na.wav\t10\n", File.ReadAllText(path));
        Assert.Equal(durations, AudioDurationsTsv.Read(path));
    }

    [Fact]
    public void BadRowsAreListedWithTheirLines()
    {
        using var folder = new TempFolder();
        var path = folder.File("meta.tsv");
        // psds_eval's metadata may carry more columns; only filename and duration are read.
        File.WriteAllText(path, "filename\tduration\tsource\na.wav\t10\tx\nb.wav\t-1\tx\nc.wav\tlong\tx\na.wav\t10\tx\n");

        var error = Assert.Throws<DataException>(() => AudioDurationsTsv.Read(path));

        Assert.Equal($"{path}: 3 problems: meta.tsv line 3: duration '-1' is not a positive number of seconds; " +
            "meta.tsv line 4: duration 'long' is not a positive number of seconds; meta.tsv line 5: a.wav is listed twice", error.Message);
        File.WriteAllText(path, "filename\tlength\na.wav\t10\n");
        Assert.Contains("header lacks column 'duration'", Assert.Throws<DataException>(() => AudioDurationsTsv.Read(path)).Message);
        Assert.Throws<ArgumentException>(() => AudioDurationsTsv.Write(path, [KeyValuePair.Create("a.wav", 0.0)]));
    }
}
