using System.Globalization;
using System.Text.Json;
using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthOutputTests
{
    internal static List<string[]> ReadTsv(string path, string header)
    {
        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(header, lines[0]);
        Assert.Equal("", lines[^1]);
        return lines[1..^1].Select(l => l.Split('\t')).ToList();
    }

    [Fact]
    public void WritesTheLayoutWithAnnotationsInsideTheSoundscapes()
    {
        using var fixture = new SynthFixture();
        var outDir = fixture.Folder.File("out");
        var report = SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);

        var meta = ReadTsv(Path.Combine(outDir, "meta.csv"), "filename\tscene_label\tidentifier\tsource_label");
        Assert.Equal(10, meta.Count);
        Assert.All(meta, row =>
        {
            Assert.Matches(@"^audio/(park|street)-(train|test)-\d{4}\.wav$", row[0]);
            Assert.StartsWith("audio/" + row[1] + "-", row[0]);
            Assert.Matches(row[1] == "park" ? "^hum-hum[0-2]$" : "^hiss-hiss[0-2]$", row[2]);
            Assert.Equal("synth", row[3]);
            var (rate, samples) = TestWav.ReadPcm16(Path.Combine(outDir, row[0]));
            Assert.Equal(8000, rate);
            Assert.Equal(16000, samples.Length);
        });
        Assert.Equal(meta.Select(r => r[0]).Order(StringComparer.Ordinal), meta.Select(r => r[0]));
        Assert.Equal(10, Directory.GetFiles(Path.Combine(outDir, "audio")).Length);

        // round(10 * 0.7) = 7 train soundscapes, the other 3 in test.
        var train = ReadTsv(Path.Combine(outDir, "evaluation_setup", "fold1_train.csv"), "filename\tscene_label");
        var evaluate = ReadTsv(Path.Combine(outDir, "evaluation_setup", "fold1_evaluate.csv"), "filename\tscene_label");
        var test = ReadTsv(Path.Combine(outDir, "evaluation_setup", "fold1_test.csv"), "filename");
        Assert.Equal(7, train.Count);
        Assert.Equal(3, evaluate.Count);
        Assert.All(train, r => Assert.Contains("-train-", r[0]));
        Assert.All(evaluate, r => Assert.Contains("-test-", r[0]));
        Assert.Equal(evaluate.Select(r => r[0]), test.Select(r => r[0]));
        Assert.Equal(meta.Select(r => r[0]).Order(StringComparer.Ordinal), train.Concat(evaluate).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal(7, report.Soundscapes["train"]);
        Assert.Equal(3, report.Soundscapes["test"]);

        var set = ReadTsv(Path.Combine(outDir, "annotations.tsv"), "filename\tonset\toffset\tevent_label");
        Assert.Equal(report.Events.Placed, set.Count);
        Assert.True(set.Count >= 10, "every soundscape has at least one event");
        var keys = set.Select(r => (r[0], double.Parse(r[1], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2), keys);
        foreach (var row in set)
        {
            Assert.Matches(@"^\d+\.\d{3}$", row[1]);
            double onset = double.Parse(row[1], CultureInfo.InvariantCulture), offset = double.Parse(row[2], CultureInfo.InvariantCulture);
            Assert.InRange(onset, 0, 2.0);
            Assert.InRange(offset, onset + 0.001, 2.0);
            Assert.Contains(row[3], SynthFixture.Frequencies.Keys);
        }
        // Each per-file annotation holds exactly that file's rows of the set-level table.
        foreach (var row in meta)
        {
            string name = Path.GetFileNameWithoutExtension(row[0]);
            var lines = File.ReadAllLines(Path.Combine(outDir, "annotations", name + ".txt"));
            Assert.Equal(set.Where(r => r[0] == name + ".wav").Select(r => string.Join('\t', r[1..])), lines);
        }

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "synth_report.json"))).RootElement;
        Assert.Equal(report.Events.Placed, json.GetProperty("events").GetProperty("placed").GetInt32());
        Assert.Equal(10, json.GetProperty("soundscapes").GetProperty("train").GetInt32() + json.GetProperty("soundscapes").GetProperty("test").GetInt32());
    }

    [Theory]
    [InlineData("tau")]
    [InlineData("urbansed")]
    public void IdenticalSpecAndSeedGiveIdenticalBytesAndAnotherSeedDoesNot(string layout)
    {
        using var fixture = new SynthFixture();
        fixture.Spec["overlap"] = "allow";
        fixture.Spec["layout"] = layout;
        fixture.Split(0.3, 0.2);
        var spec = fixture.WriteSpec();
        var first = fixture.Folder.File("first");
        var second = fixture.Folder.File("second");
        SoundscapeSynthesizer.Generate(spec, first, new SynthOptions { Parallelism = 2 });
        // One thread and no cache change the order and the decoding, never the output.
        SoundscapeSynthesizer.Generate(spec, second, new SynthOptions { Parallelism = 1, ClipCacheSamples = 1 });

        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.True(files.Count > 25, string.Join(",", files));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file);

        fixture.Spec["seed"] = 8;
        var third = fixture.Folder.File("third");
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), third);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "sources.tsv")), File.ReadAllBytes(Path.Combine(third, "sources.tsv")));
    }

    [Fact]
    public void WithoutScenesTheSceneIsSoundscapeAndEventsComeFromTheTopLevelBlock()
    {
        using var fixture = new SynthFixture();
        fixture.Spec.Remove("scenes");
        fixture.Spec["backgrounds"] = new System.Text.Json.Nodes.JsonArray("hum", "hiss");
        fixture.Spec["events"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "labels": ["whistle"], "count": 2, "snr_db": 10, "duration": {"min": 0.2, "max": 0.4} }""");
        fixture.Spec["count"] = 4;
        var outDir = fixture.Folder.File("out");
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        var meta = ReadTsv(Path.Combine(outDir, "meta.csv"), "filename\tscene_label\tidentifier\tsource_label");
        Assert.All(meta, r => Assert.Equal("soundscape", r[1]));
        Assert.All(meta, r => Assert.StartsWith("audio/soundscape-", r[0]));
        var set = ReadTsv(Path.Combine(outDir, "annotations.tsv"), "filename\tonset\toffset\tevent_label");
        Assert.All(set, r => Assert.Equal("whistle", r[3]));
        Assert.True(set.Count >= 4, "a count of 2 with overlap forbidden still places most events");
    }

    [Fact]
    public void RerunClearsOldSoundscapesButAForeignFolderIsRefused()
    {
        using var fixture = new SynthFixture();
        var outDir = fixture.Folder.File("out");
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        fixture.Spec["count"] = 4;
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(outDir, "audio")).Length);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(outDir, "annotations")).Length);

        var foreign = fixture.Folder.Folder("foreign");
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "mine");
        var error = Assert.Throws<DataException>(() => SoundscapeSynthesizer.Generate(fixture.SpecPath, foreign));
        Assert.Equal(foreign, error.Path);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(foreign).Select(Path.GetFileName));
    }
}
