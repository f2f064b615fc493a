using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthSplitTests
{
    [Fact]
    public void NoSourceClipOrBackgroundRecordingIsUsedOnBothSides()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 20;
        fixture.Split(0.5);
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

    private static string SplitOf(string fileName) =>
        new[] { "train", "validate", "test" }.Single(split => fileName.Contains($"-{split}-", StringComparison.Ordinal));

    [Fact]
    public void AThreeWaySplitKeepsEveryClipAndRecordingInOneSplit()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 20;
        fixture.Split(0.25, 0.25);
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var report = synth.Generate(outDir);

        // round(20 * 0.5) = 10 train, round(20 * 0.25) = 5 validate, the other 5 test.
        Assert.Equal((10, 5, 5), (report.Soundscapes["train"], report.Soundscapes["validate"], report.Soundscapes["test"]));
        var rows = SynthOutputTests.ReadTsv(Path.Combine(outDir, "sources.tsv"), "filename\trole\tlabel\tsource_file\tsource_offset\tonset\tduration\tsnr_db");
        var sides = rows.GroupBy(r => (r[1], r[3])).ToDictionary(g => g.Key, g => g.Select(r => SplitOf(r[0])).Distinct().ToList());
        Assert.All(sides, s => Assert.True(s.Value.Count == 1, $"{s.Key} used in {string.Join(" and ", s.Value)}"));
        foreach (var split in new[] { "train", "validate", "test" })
        {
            Assert.Contains(sides, s => s.Key.Item1 == "foreground" && s.Value[0] == split);
            Assert.Contains(sides, s => s.Key.Item1 == "background" && s.Value[0] == split);
        }

        // Four clips per event label: one test, one validate, two train; three recordings per background label: one each.
        foreach (var (role, byLabel, expected) in new[] { (SourceRole.Foreground, synth.Library.Foreground, (2, 1, 1)), (SourceRole.Background, synth.Library.Background, (1, 1, 1)) })
        {
            foreach (var (label, clips) in byLabel)
            {
                var train = synth.Partition.Clips(SynthSplit.Train, role, label);
                var validate = synth.Partition.Clips(SynthSplit.Validate, role, label);
                var test = synth.Partition.Clips(SynthSplit.Test, role, label);
                Assert.Equal(expected, (train.Count, validate.Count, test.Count));
                Assert.Equal(clips.OrderBy(c => c.Path), train.Concat(validate).Concat(test).OrderBy(c => c.Path));
            }
        }

        // The TAU layout lists the validate soundscapes in meta.csv and a fold1_validate.csv of their own.
        var validateList = SynthOutputTests.ReadTsv(Path.Combine(outDir, "evaluation_setup", "fold1_validate.csv"), "filename\tscene_label");
        Assert.Equal(5, validateList.Count);
        Assert.All(validateList, r => Assert.Matches(@"^audio/(park|street)-validate-000[0-4]\.wav$", r[0]));
        var meta = SynthOutputTests.ReadTsv(Path.Combine(outDir, "meta.csv"), "filename\tscene_label\tidentifier\tsource_label");
        Assert.Equal(20, meta.Count);
        Assert.All(meta.GroupBy(r => r[2]), g => Assert.Single(g.Select(r => SplitOf(r[0])).Distinct()));
        Assert.Equal(5, SynthOutputTests.ReadTsv(Path.Combine(outDir, "evaluation_setup", "fold1_evaluate.csv"), "filename\tscene_label").Count);
    }

    [Fact]
    public void AddingAValidateSplitKeepsTheTestClipsAndTheTestSoundscapes()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["count"] = 20;
        var spec = SynthSpecReader.Load(fixture.WriteSpec());
        var twoWay = new SoundscapeSynthesizer(spec);
        var threeWay = new SoundscapeSynthesizer(spec with { ValidateFraction = 0.2 });
        Assert.DoesNotContain(SynthSplit.Validate, twoWay.Spec.Splits);
        Assert.Empty(twoWay.Partition.Clips(SynthSplit.Validate, SourceRole.Foreground, "tone"));
        foreach (var (label, _) in twoWay.Library.Foreground)
            Assert.Equal(twoWay.Partition.Clips(SynthSplit.Test, SourceRole.Foreground, label), threeWay.Partition.Clips(SynthSplit.Test, SourceRole.Foreground, label));
        // Both make 6 test soundscapes (20 - round(20 * 0.7), and 20 - round(20 * 0.5) - round(20 * 0.2)) from the same clips and streams.
        Assert.Equal(6, twoWay.Spec.TestCount);
        Assert.Equal(6, threeWay.Spec.TestCount);
        for (int i = 0; i < 6; i++)
        {
            SoundscapePlan before = twoWay.Plan(SynthSplit.Test, i), after = threeWay.Plan(SynthSplit.Test, i);
            Assert.Equal((before.Name, before.Background), (after.Name, after.Background));
            Assert.Equal(before.Events, after.Events);
        }
    }

    [Fact]
    public void ALabelWithTooFewClipsForValidateIsLeftOutThereWithAWarning()
    {
        using var fixture = new SynthFixture();
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.ForegroundDir, "whistle")).Order().Skip(2)) File.Delete(file);
        fixture.Spec["count"] = 20;
        fixture.Split(0.25, 0.25);
        var report = SoundscapeSynthesizer.Generate(fixture.WriteSpec(), fixture.Folder.File("out"));
        Assert.Contains("foreground label 'whistle' has 2 clips: none is left for validate", report.Warnings);
        Assert.Contains(report.Warnings, w => w.StartsWith("validate: scene 'street' has no clips of event label 'whistle'", StringComparison.Ordinal));
        Assert.False(report.Events.PerLabel["validate"].ContainsKey("whistle"));
        Assert.True(report.Events.PerLabel["test"].ContainsKey("whistle"));
        Assert.Equal(5, report.Soundscapes["validate"]);
    }
}
