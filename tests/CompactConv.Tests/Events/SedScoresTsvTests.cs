using CompactConv.Data.Events;
using CompactConv.Events;

namespace CompactConv.Tests.Events;

public class SedScoresTsvTests
{
    private const string Header = "onset\toffset\tdog\tcat\n";

    [Fact]
    public void PosteriorsRoundTripBitForBitAndAnOldFolderIsReplaced()
    {
        using var folder = new TempFolder();
        string scores = folder.File("scores");
        Directory.CreateDirectory(scores);
        File.WriteAllText(Path.Combine(scores, "stale.tsv"), Header);
        var clips = new[]
        {
            new ClipPosteriors("a.wav", new float[,] { { 0.1f, 0.9f }, { 1f / 3, 0f }, { 0.5f, 0.25f } }),
            new ClipPosteriors("sub/b.ogg", new float[,] { { 0.7f, 0.2f } }),
        };
        double hop = 128.0 / 8000;

        SedScoresTsv.WriteFolder(scores, clips, hop, ["dog", "cat"]);

        Assert.Equal(["a.tsv", "sub/b.tsv"], Directory.EnumerateFiles(scores, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(scores, f).Replace('\\', '/')).Order());
        Assert.Equal("onset\toffset\tdog\tcat\n0\t0.016\t0.1\t0.9\n0.016\t0.032\t0.33333334\t0\n0.032\t0.048\t0.5\t0.25\n",
            File.ReadAllText(Path.Combine(scores, "a.tsv")));
        var read = SedScoresTsv.ReadFolder(scores);
        Assert.Equal(["dog", "cat"], read.ClassNames);
        Assert.Equal(hop, read.FrameSeconds);
        Assert.Equal(["a", "sub/b"], read.Clips.Select(c => c.File));
        Assert.Equal(clips[0].Posteriors, read.Clips[0].Posteriors);
        Assert.Equal(3 * hop, read.LastOffsets["a"]);

        // Matched to a reference, the clips take its file names.
        var (named, lengths) = read.ForReference(new EventList(["a.wav"], [new SoundEvent("sub/b.ogg", 0, 0.01, "dog")]));
        Assert.Equal(["a.wav", "sub/b.ogg"], named.Select(c => c.File));
        Assert.Equal(hop, lengths["sub/b.ogg"]);
    }

    [Fact]
    public void AudioIdsDropOnlyTheExtension()
    {
        Assert.Equal("a", SedScoresTsv.AudioId("a.wav"));
        Assert.Equal("Y-x_1.000_11.000", SedScoresTsv.AudioId("Y-x_1.000_11.000.wav"));
        Assert.Equal("dir.v2/a", SedScoresTsv.AudioId("dir.v2/a"));
        Assert.Equal(".hidden", SedScoresTsv.AudioId(".hidden"));
    }

    [Fact]
    public void EveryProblemOfTheFolderIsListed()
    {
        using var folder = new TempFolder();
        string scores = folder.Folder("scores");
        File.WriteAllText(Path.Combine(scores, "a.tsv"), Header + "0\t0.5\t0.1\t0.2\n0.5\t1\t0.3\t0.4\n");
        File.WriteAllText(Path.Combine(scores, "b.tsv"), "onset\toffset\tcat\tdog\n0\t0.5\t0\t0\n");            // other classes
        File.WriteAllText(Path.Combine(scores, "c.tsv"), Header + "0\t0.5\t0.1\tx\n0.5\t1\t0.1\n");             // not a number, short row
        File.WriteAllText(Path.Combine(scores, "d.tsv"), Header + "0\t0.5\t0\t0\n0.75\t1.25\t0\t0\n");          // a gap
        File.WriteAllText(Path.Combine(scores, "e.tsv"), "start\tend\tdog\n");                                  // no onset column
        File.WriteAllText(Path.Combine(scores, "notes.txt"), "ignored");

        var error = Assert.Throws<DataException>(() => SedScoresTsv.ReadFolder(scores));

        Assert.Equal($"{scores}: 5 problems: b.tsv line 1: classes cat, dog differ from a.tsv's dog, cat; " +
            "c.tsv line 2: cat 'x' is not a number; c.tsv line 3: expected 4 tab-separated columns, found 3; " +
            "d.tsv line 3: frame 1 spans 0.75-1.25 s, not 0.5-1 s (frames must follow each other from 0 s every 0.5 s); " +
            "e.tsv line 1: expected the tab-separated header onset, offset and a column per class, found 'start\tend\tdog'", error.Message);
        Assert.Contains("no such score folder", Assert.Throws<DataException>(() => SedScoresTsv.ReadFolder(folder.File("none"))).Message);
        Assert.Contains("holds no .tsv score files", Assert.Throws<DataException>(() => SedScoresTsv.ReadFolder(folder.Folder("empty"))).Message);
    }

    [Fact]
    public void ScoreFilesMustMatchTheReferenceFiles()
    {
        using var folder = new TempFolder();
        string scores = folder.Folder("scores");
        File.WriteAllText(Path.Combine(scores, "a.tsv"), Header + "0\t0.5\t0.1\t0.2\n");
        File.WriteAllText(Path.Combine(scores, "b.tsv"), Header + "0\t0.5\t0.1\t0.2\n");
        var read = SedScoresTsv.ReadFolder(scores);

        var missing = Assert.Throws<DataException>(() => read.ForReference(new EventList(["a.wav", "b.wav", "c.wav", "d.wav"], [])));
        Assert.Equal($"{scores}: no score file c.tsv for c.wav of the reference (and 1 more)", missing.Message);
        var extra = Assert.Throws<DataException>(() => read.ForReference(new EventList(["a.wav"], [])));
        Assert.Equal($"{scores}: b.tsv scores a file the reference does not name", extra.Message);
        var clash = Assert.Throws<DataException>(() => read.ForReference(new EventList(["a.wav", "a.ogg"], [])));
        Assert.Contains("a.wav and a.ogg, which share the score file a.tsv", clash.Message);
    }
}
