using System.Text.Json.Nodes;
using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthPlacementTests
{
    private static SoundscapeStems[] RenderAll(SoundscapeSynthesizer synth) =>
        Enumerable.Range(0, synth.Spec.TrainCount).Select(i => synth.Render(SynthSplit.Train, i))
            .Concat(Enumerable.Range(0, synth.Spec.TestCount).Select(i => synth.Render(SynthSplit.Test, i)))
            .ToArray();

    private static int MaxConcurrent(IEnumerable<PlacedEvent> events)
    {
        var edges = events.SelectMany(e => new[] { (e.OnsetSamples, 1), (e.EndSamples, -1) }).OrderBy(x => x.Item1).ThenBy(x => x.Item2);
        int active = 0, most = 0;
        foreach (var (_, step) in edges) most = Math.Max(most, active += step);
        return most;
    }

    private static void Crowd(SynthFixture fixture)
    {
        // Far more event time than 2 s holds, so placements must be refused.
        foreach (int s in new[] { 0, 1 })
        {
            fixture.Scene(s)["events"]!["count"] = JsonNode.Parse("""{"min": 5, "max": 6}""");
            fixture.Scene(s)["events"]!["duration"] = JsonNode.Parse("""{"min": 0.5, "max": 0.6}""");
        }
    }

    [Fact]
    public void ForbiddenOverlapIsRespectedAndCrowdedEventsAreDroppedAndReported()
    {
        using var fixture = new SynthFixture();
        Crowd(fixture);
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var report = synth.Generate(outDir);
        var all = RenderAll(synth);
        Assert.All(all, s => Assert.True(MaxConcurrent(s.Plan.Events) <= 1, s.Plan.Name));
        Assert.All(all, s => Assert.Equal(s.Plan.Events.Count, s.Events.Count));
        int dropped = all.Sum(s => s.Dropped.Count);
        Assert.True(dropped > 0);
        Assert.Equal(dropped, report.Events.Dropped);
        Assert.Equal(report.Events.Drawn, report.Events.Placed + report.Events.Dropped);
        Assert.All(report.DroppedEvents, d => Assert.Contains("overlap forbidden", d.Reason));
        Assert.Equal(all.Sum(s => s.Events.Count), report.Events.Placed);

        // The written annotations agree: no two events of a file overlap.
        var rows = SynthOutputTests.ReadTsv(Path.Combine(outDir, "annotations.tsv"), "filename\tonset\toffset\tevent_label");
        foreach (var file in rows.GroupBy(r => r[0]))
        {
            var spans = file.Select(r => (double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            for (int i = 1; i < spans.Count; i++) Assert.True(spans[i].Item1 >= spans[i - 1].Item2, $"{file.Key}: overlap");
        }
    }

    [Fact]
    public void AllowedOverlapStaysWithinMaxPolyphony()
    {
        using var fixture = new SynthFixture();
        Crowd(fixture);
        fixture.Spec["overlap"] = "allow";
        fixture.Spec["max_polyphony"] = 2;
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var all = RenderAll(synth);
        Assert.All(all, s => Assert.True(MaxConcurrent(s.Plan.Events) <= 2, s.Plan.Name));
        Assert.Contains(all, s => MaxConcurrent(s.Plan.Events) == 2);
        Assert.Contains(all, s => s.Dropped.Any(d => d.Reason.Contains("max_polyphony 2")));

        fixture.Spec.Remove("max_polyphony");
        var free = RenderAll(new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec())));
        Assert.Contains(free, s => MaxConcurrent(s.Plan.Events) > 2);
        Assert.All(free, s => Assert.Empty(s.Dropped));
    }

    [Fact]
    public void EventsFitTheirRangesAndShortClipsAreUsedWholeAndReported()
    {
        using var fixture = new SynthFixture();
        // Clips last 0.6, 0.9, 1.2 and 1.5 s: with a 1.0 s minimum the first two are short.
        fixture.Scene(0)["events"]!["duration"] = JsonNode.Parse("""{"min": 1.0, "max": 1.4}""");
        fixture.Spec["overlap"] = "allow";
        fixture.Spec["count"] = 12;
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var report = synth.Generate(outDir);
        var events = RenderAll(synth).SelectMany(s => s.Plan.Events.Select(e => (s.Plan.Scene, e))).ToList();
        foreach (var (scene, e) in events)
        {
            double clipSeconds = 0.6 + 0.3 * int.Parse(Path.GetFileNameWithoutExtension(e.Clip.Path)[^1..]);
            double duration = (double)e.LengthSamples / SynthFixture.Rate;
            if (scene == "park" && clipSeconds < 1.0)
            {
                Assert.True(e.ShortClipUsedWhole);
                Assert.Equal(clipSeconds, duration, 3);
                Assert.Equal(0, e.SourceOffsetSamples);
            }
            else if (scene == "park")
            {
                Assert.False(e.ShortClipUsedWhole);
                Assert.InRange(duration, 1.0, Math.Min(1.4, clipSeconds) + 1e-9);
            }
            else
            {
                Assert.InRange(duration, 0.2, 0.6 + 1e-9);
                // The street scene's onset window is [0.1, 1.9] s, moved earlier only where the event would overrun.
                Assert.InRange(e.Onset, Math.Min(0.1, 2.0 - duration), 1.9);
            }
            Assert.InRange(e.SourceOffsetSamples + e.LengthSamples, e.LengthSamples, (int)Math.Round(clipSeconds * SynthFixture.Rate));
            Assert.True(e.EndSamples <= 2 * SynthFixture.Rate);
        }
        var shortUses = events.Where(x => x.e.ShortClipUsedWhole).GroupBy(x => "foreground/" + x.e.Clip.RelativePath).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(shortUses);
        Assert.Equal(shortUses.OrderBy(k => k.Key, StringComparer.Ordinal), report.ShortClipsUsedWhole);
    }

    [Fact]
    public void TheLoaderHookReplacesTheBuiltInReader()
    {
        using var fixture = new SynthFixture();
        // The hook reads files the built-in reader cannot: '.raw' files holding only a frequency.
        foreach (var file in Directory.GetFiles(fixture.Folder.Path, "*.wav", SearchOption.AllDirectories))
        {
            File.WriteAllText(Path.ChangeExtension(file, ".raw"), file.Contains("/fg/") ? "440" : "0");
            File.Delete(file);
        }
        var calls = new List<(string, int)>();
        var options = new SynthOptions
        {
            ClipExtensions = [".raw"],
            LoadMono = (path, rate) =>
            {
                lock (calls) calls.Add((path, rate));
                double f = double.Parse(File.ReadAllText(path), System.Globalization.CultureInfo.InvariantCulture);
                return f == 0 ? TestWav.Noise(3, rate, 0.1, 5) : TestWav.Sine(f, 1, rate, 0.5);
            },
        };
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()), options);
        var stems = synth.Render(SynthSplit.Train, 0);
        Assert.NotEmpty(stems.Events);
        Assert.All(calls, c => Assert.Equal(8000, c.Item2));
        Assert.Contains(calls, c => c.Item1 == stems.Plan.Background.Clip.Path);
        Assert.EndsWith(".raw", stems.Events[0].Event.Clip.Path);
    }
}
