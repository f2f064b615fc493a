using System.Text.Json.Nodes;
using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthSpecErrorTests
{
    private static DataException Fails(SynthFixture fixture) =>
        Assert.Throws<DataException>(() => new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec())));

    [Fact]
    public void AMissingSpecIsNamed()
    {
        using var fixture = new SynthFixture();
        var error = Assert.Throws<DataException>(() => SynthSpecReader.Load(fixture.Folder.File("nope.json")));
        Assert.Equal($"{fixture.Folder.File("nope.json")}: spec file not found", error.Message);
    }

    [Fact]
    public void MalformedJsonGivesLineAndPosition()
    {
        using var fixture = new SynthFixture();
        File.WriteAllText(fixture.SpecPath, "{\n  \"count\": 10,\n  \"seed\" 3\n}");
        var error = Assert.Throws<DataException>(() => SynthSpecReader.Load(fixture.SpecPath));
        Assert.Equal(fixture.SpecPath, error.Path);
        Assert.StartsWith($"{fixture.SpecPath}: malformed JSON at line 3, position 10:", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("count-range", "scene 'park': 'events.count' min 3 > max 1")]
    [InlineData("snr-range", "scene 'street': 'events.snr_db' min 12 > max 4")]
    [InlineData("duration-range", "scene 'park': 'events.duration' min 0.9 > max 0.5")]
    [InlineData("absent-background", "scene 'street': background label 'traffic' has no folder in {bg} (found: hiss, hum)")]
    [InlineData("absent-event", "scene 'park': event label 'dog' has no folder in {fg} (found: beep, tone, whistle)")]
    [InlineData("unknown-field", "unknown field 'scenes[0].events.snr' (expected one of: labels, label_weights, count, snr_db, duration, onset)")]
    [InlineData("wrong-type", "'duration' must be a number")]
    [InlineData("missing-count", "missing field 'count'")]
    [InlineData("bad-overlap", "'overlap' must be \"allow\" or \"forbid\", not \"sometimes\"")]
    [InlineData("weights-length", "scene 'street': 'events.label_weights' has 3 values for 2 labels")]
    [InlineData("no-foreground-dir", "'foreground_dir' folder {root}/missing does not exist")]
    [InlineData("bad-layout", "'layout' must be one of \"tau\", \"urbansed\", not \"dcase\"")]
    [InlineData("fractions", "'split.test_fraction' + 'split.validate_fraction' must be below 1 so that train keeps soundscapes, not 1.1")]
    [InlineData("unknown-split-field", "unknown field 'split.valid_fraction' (expected one of: test_fraction, validate_fraction)")]
    public void SpecProblemsNameTheSpecAndTheField(string problem, string expected)
    {
        using var fixture = new SynthFixture();
        var park = fixture.Scene(0)["events"]!.AsObject();
        var street = fixture.Scene(1)["events"]!.AsObject();
        switch (problem)
        {
            case "count-range": park["count"] = JsonNode.Parse("""{"min": 3, "max": 1}"""); break;
            case "snr-range": street["snr_db"] = JsonNode.Parse("""{"min": 12, "max": 4}"""); break;
            case "duration-range": park["duration"] = JsonNode.Parse("""{"min": 0.9, "max": 0.5}"""); break;
            case "absent-background": fixture.Scene(1)["backgrounds"] = new JsonArray("hiss", "traffic"); break;
            case "absent-event": park["labels"] = new JsonArray("beep", "dog"); break;
            case "unknown-field": park["snr"] = 3; break;
            case "wrong-type": fixture.Spec["duration"] = "long"; break;
            case "missing-count": fixture.Spec.Remove("count"); break;
            case "bad-overlap": fixture.Spec["overlap"] = "sometimes"; break;
            case "weights-length": street["label_weights"] = new JsonArray(1, 2, 3); break;
            case "no-foreground-dir": fixture.Spec["foreground_dir"] = "missing"; break;
            case "bad-layout": fixture.Spec["layout"] = "dcase"; break;
            case "fractions": fixture.Split(0.3, 0.8); break;
            case "unknown-split-field": fixture.Spec["split"] = JsonNode.Parse("""{"valid_fraction": 0.1}"""); break;
        }
        var error = Fails(fixture);
        Assert.Equal(fixture.SpecPath, error.Path);
        string text = expected.Replace("{bg}", fixture.BackgroundDir).Replace("{fg}", fixture.ForegroundDir).Replace("{root}", fixture.Folder.Path);
        Assert.Equal($"{fixture.SpecPath}: {text}", error.Message);
    }

    [Fact]
    public void AnEmptyLabelFolderIsNamed()
    {
        using var fixture = new SynthFixture();
        var folder = Path.Combine(fixture.ForegroundDir, "tone");
        foreach (var file in Directory.GetFiles(folder)) File.Delete(file);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not audio");
        var error = Fails(fixture);
        Assert.Equal(folder, error.Path);
        Assert.Equal($"{folder}: label folder holds no clips (.wav, .ogg)", error.Message);
    }

    [Theory]
    [InlineData("text", "not a WAV or OGG file")]
    [InlineData("truncated", "truncated: data chunk promises 16000 bytes, file has 100")]
    [InlineData("empty", "empty file")]
    public void UnreadableClipsAreNamedBeforeAnythingIsWritten(string kind, string problem)
    {
        using var fixture = new SynthFixture();
        var clip = Path.Combine(fixture.ForegroundDir, "beep", "bad.wav");
        TestWav.Write(clip, TestWav.Sine(500, 1, 8000, 0.5), 8000);
        var bytes = File.ReadAllBytes(clip);
        switch (kind)
        {
            case "text": File.WriteAllText(clip, "hello"); break;
            case "truncated": File.WriteAllBytes(clip, bytes[..(bytes.Length - 16000 + 100)]); break;
            case "empty": File.WriteAllBytes(clip, []); break;
        }
        var error = Fails(fixture);
        Assert.Equal(clip, error.Path);
        Assert.StartsWith($"{clip}: {problem}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void SeveralUnreadableClipsNameTheFirstAndCountTheRest()
    {
        using var fixture = new SynthFixture();
        var first = Path.Combine(fixture.ForegroundDir, "beep", "bad.wav");
        File.WriteAllText(first, "hello");
        File.WriteAllText(Path.Combine(fixture.BackgroundDir, "hum", "bad.ogg"), "hello");
        var error = Fails(fixture);
        Assert.Equal(first, error.Path);
        Assert.EndsWith("(and 1 more unreadable clips)", error.Message);
    }
}
