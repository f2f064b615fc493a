using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthUrbanSedLayoutTests
{
    private static readonly string[] Splits = ["train", "validate", "test"];

    // Events without scenes, as URBAN-SED has them: 0 to 2 non-overlapping events over either background.
    private static SynthFixture EventFixture()
    {
        var fixture = new SynthFixture();
        fixture.Spec.Remove("scenes");
        fixture.Spec["backgrounds"] = new JsonArray("hum", "hiss");
        fixture.Spec["events"] = JsonNode.Parse("""
            { "labels": ["beep", "tone", "whistle"], "count": {"min": 0, "max": 2}, "snr_db": {"min": 6, "max": 20}, "duration": {"min": 0.2, "max": 0.6} }
            """);
        fixture.Spec["count"] = 20;
        fixture.Spec["layout"] = "urbansed";
        fixture.Split(0.25, 0.25);
        return fixture;
    }

    private static double Seconds(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void WritesAudioAndAnnotationsPerSplitAndOneEventTablePerSplit()
    {
        using var fixture = EventFixture();
        var outDir = fixture.Folder.File("out");
        var report = SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        Assert.Equal("urbansed", report.Layout);
        Assert.Equal("urbansed", JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "synth_report.json"))).RootElement.GetProperty("layout").GetString());

        int emptyFiles = 0;
        foreach (var split in Splits)
        {
            var audio = Directory.GetFiles(Path.Combine(outDir, "audio", split)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(report.Soundscapes[split], audio.Count);
            Assert.All(audio, name => Assert.Matches($@"^soundscape-{split}-\d{{4}}\.wav$", name));
            var annotations = Directory.GetFiles(Path.Combine(outDir, "annotations", split)).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.Equal(audio.Select(a => Path.ChangeExtension(a, ".txt")), annotations);

            // The split's table holds exactly the lines of its files' annotations, in file order.
            var table = SynthOutputTests.ReadTsv(Path.Combine(outDir, "metadata", split + ".tsv"), "filename\tonset\toffset\tevent_label");
            var expected = new List<string>();
            foreach (var name in audio)
            {
                var lines = File.ReadAllLines(Path.Combine(outDir, "annotations", split, Path.ChangeExtension(name!, ".txt")));
                if (lines.Length == 0) emptyFiles++;
                expected.AddRange(lines.Select(l => $"{name}\t{l}"));
            }
            Assert.Equal(expected, table.Select(r => string.Join('\t', r)));
            Assert.Equal(report.Events.PerLabel[split].Values.Sum(), table.Count);
            Assert.All(table, r => Assert.Matches(@"^\d+\.\d{6}$", r[1]));
        }
        Assert.True(emptyFiles > 0, "a soundscape without events has an empty annotation file");
        Assert.Equal(20, report.Soundscapes.Values.Sum());
        Assert.True(File.Exists(Path.Combine(outDir, "sources.tsv")));
        foreach (var tauOnly in new[] { "meta.csv", "annotations.tsv", "evaluation_setup" })
            Assert.False(Path.Exists(Path.Combine(outDir, tauOnly)), tauOnly);
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "audio")));
    }

    [Fact]
    public void AnnotatedEventsAreExactlyWhereTheMixDiffersFromItsBackground()
    {
        using var fixture = EventFixture();
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        synth.Generate(outDir);
        int checkedEvents = 0;
        foreach (var split in synth.Spec.Splits)
        {
            for (int i = 0; i < synth.Spec.CountOf(split); i++)
            {
                var stems = synth.Render(split, i);
                var (rate, audio) = TestWav.ReadPcm16(Path.Combine(outDir, "audio", split.Name(), stems.Plan.Name + ".wav"));
                var rows = File.ReadAllLines(Path.Combine(outDir, "annotations", split.Name(), stems.Plan.Name + ".txt")).Select(l => l.Split('\t')).ToList();
                // Six decimals give back every onset and offset to the sample.
                var intervals = rows.Select(r => (Start: (int)Math.Round(Seconds(r[0]) * rate), End: (int)Math.Round(Seconds(r[1]) * rate), Label: r[2])).ToList();
                Assert.Equal(stems.Events.Select(e => (e.Event.OnsetSamples, e.Event.EndSamples, e.Event.Label)).Order(), intervals.Order());

                var inside = new bool[audio.Length];
                foreach (var (start, end, label) in intervals)
                {
                    for (int k = start; k < end; k++) inside[k] = true;
                    // The event's own tone dominates what it adds to the background.
                    var added = Enumerable.Range(start, end - start).Select(k => audio[k] - stems.Background[k]).ToArray();
                    var loudest = SynthFixture.Frequencies.MaxBy(f => TestWav.ToneEnergy(added, f.Value, rate)).Key;
                    Assert.True(loudest == label, $"{stems.Plan.Name} {start}-{end} is {label} but {loudest} dominates");
                    checkedEvents++;
                }
                // Outside the annotated intervals the file is the background, to 16-bit rounding.
                for (int k = 0; k < audio.Length; k++)
                    if (!inside[k]) Assert.True(Math.Abs(audio[k] - stems.Background[k]) <= 0.51 / 32768, $"{stems.Plan.Name} sample {k}");
            }
        }
        Assert.True(checkedEvents >= 10, $"only {checkedEvents} events");
    }

    [Fact]
    public void ARerunInTheOtherLayoutLeavesNoFilesOfTheFirst()
    {
        using var fixture = EventFixture();
        var outDir = fixture.Folder.File("out");
        fixture.Spec["layout"] = "tau";
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        Assert.True(File.Exists(Path.Combine(outDir, "meta.csv")));
        fixture.Spec["layout"] = "urbansed";
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "audio")));
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "annotations")));
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "evaluation_setup")));
        Assert.False(File.Exists(Path.Combine(outDir, "meta.csv")));
        Assert.False(File.Exists(Path.Combine(outDir, "annotations.tsv")));
        Assert.Equal(20, Splits.Sum(s => Directory.GetFiles(Path.Combine(outDir, "audio", s)).Length));
    }
}
