using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthSplitTests
{
    [Fact]
    public void NoSourceClipOrBackgroundRecordingIsUsedOnBothSides()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 20;
        fixture.Spec["split"] = System.Text.Json.Nodes.JsonNode.Parse("""{"test_fraction": 0.5}""");
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        synth.Generate(outDir);

        var rows = SynthOutputTests.ReadTsv(Path.Combine(outDir, "sources.tsv"), "filename\trole\tlabel\tsource_file\tsource_offset\tonset\tduration\tsnr_db");
        var sides = rows.GroupBy(r => (r[1], r[3])).ToDictionary(g => g.Key, g => g.Select(r => r[0].Contains("-train-") ? "train" : "test").Distinct().ToList());
        Assert.All(sides, s => Assert.True(s.Value.Count == 1, $"{s.Key} used in {string.Join(" and ", s.Value)}"));
        // Both sides did use clips, so the check above had something to compare.
        Assert.Contains(sides.Values, v => v[0] == "train");
        Assert.Contains(sides.Values, v => v[0] == "test");
        Assert.Equal(20, rows.Count(r => r[1] == "background"));

        var meta = SynthOutputTests.ReadTsv(Path.Combine(outDir, "meta.csv"), "filename\tscene_label\tidentifier\tsource_label");
        var identifierSides = meta.GroupBy(r => r[2]).Select(g => g.Select(r => r[0].Contains("-train-")).Distinct().Count());
        Assert.All(identifierSides, n => Assert.Equal(1, n));

        // The partition itself: every label split in two, each clip on exactly one side.
        foreach (var (label, clips) in synth.Library.Foreground)
        {
            var train = synth.Partition.Clips(SynthSplit.Train, SourceRole.Foreground, label);
            var test = synth.Partition.Clips(SynthSplit.Test, SourceRole.Foreground, label);
            Assert.Equal(2, test.Count);
            Assert.Empty(train.Intersect(test));
            Assert.Equal(clips.OrderBy(c => c.Path), train.Concat(test).OrderBy(c => c.Path));
        }
    }

    [Fact]
    public void ASingleClipLabelStaysInTrainWithAWarningAndTestSoundscapesGoWithoutIt()
    {
        using var fixture = new SynthFixture();
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.ForegroundDir, "beep")).Order().Skip(1)) File.Delete(file);
        fixture.Spec["count"] = 20;
        var outDir = fixture.Folder.File("out");
        var report = SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        Assert.Contains(report.Warnings, w => w.Contains("label 'beep' has a single clip", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.StartsWith("test: scene 'park' has no clips of event label 'beep'", StringComparison.Ordinal));
        Assert.False(report.Events.PerLabel["test"].ContainsKey("beep"));
        Assert.True(report.Events.PerLabel["train"].ContainsKey("beep"));
        Assert.Equal(1 + 3 + 3, report.SourceClips["train"]["foreground"]);
        Assert.Equal(0 + 1 + 1, report.SourceClips["test"]["foreground"]);
    }

    [Fact]
    public void PartitionDependsOnTheSeed()
    {
        using var fixture = new SynthFixture();
        var spec = SynthSpecReader.Load(fixture.WriteSpec());
        var tests = Enumerable.Range(0, 8)
            .Select(seed => new SoundscapeSynthesizer(spec with { Seed = seed }).Partition.Clips(SynthSplit.Test, SourceRole.Foreground, "tone").Single().Path)
            .Distinct().Count();
        Assert.True(tests > 1, "different seeds hold out different clips");
    }
}
