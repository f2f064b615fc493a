using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthClipFormatTests
{
    // 0.5 s of a 440 Hz sine at 22,050 Hz, Ogg Vorbis (tests/.../Audio/IO/Fixtures/README.md).
    private static readonly string OggClip = Path.Combine(AppContext.BaseDirectory, "Audio", "IO", "Fixtures", "sine440-22050hz-mono-0.5s.ogg");

    [Fact]
    public void ClipsAtOtherRatesAreResampledToTheSpecsRate()
    {
        using var fixture = new SynthFixture();
        // Every 'beep' clip is 1 s of 500 Hz at 16 kHz, twice the spec's rate.
        var beep = Path.Combine(fixture.ForegroundDir, "beep");
        foreach (var file in Directory.GetFiles(beep)) File.Delete(file);
        for (int c = 0; c < 3; c++) TestWav.Write(Path.Combine(beep, $"fast{c}.wav"), TestWav.Sine(500, 1.0, 16000, 0.5), 16000);

        var resampled = SynthOptions.ReadMono(Path.Combine(beep, "fast0.wav"), SynthFixture.Rate);
        Assert.Equal(SynthFixture.Rate, resampled.Length);
        // Away from the edges the resampled tone keeps its frequency and level (RMS of a 0.5 sine).
        var middle = resampled.AsSpan(1000, 6000);
        Assert.InRange(Math.Sqrt(TestWav.MeanSquare(middle)), 0.35, 0.36);
        Assert.True(TestWav.ToneEnergy(middle, 500, SynthFixture.Rate) > 100 * TestWav.ToneEnergy(middle, 1200, SynthFixture.Rate));

        // Only the park scene has beeps; enough soundscapes that some do.
        fixture.Spec["count"] = 30;
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var beeps = Enumerable.Range(0, synth.Spec.TrainCount).Select(i => synth.Render(SynthSplit.Train, i))
            .SelectMany(s => s.Events).Where(e => e.Event.Label == "beep").ToList();
        Assert.NotEmpty(beeps);
        Assert.All(beeps, e => Assert.InRange(e.Event.SourceOffsetSamples + e.Event.LengthSamples, 1, SynthFixture.Rate));
    }

    [Fact]
    public void OggClipsAreTakenAndDecodedAtTheSpecsRate()
    {
        using var fixture = new SynthFixture();
        var ogg = Path.Combine(fixture.ForegroundDir, "tone", "ogg-tone.ogg");
        File.Copy(OggClip, ogg);
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        Assert.Contains(synth.Library.Foreground["tone"], c => c.Path == ogg);

        var samples = SynthOptions.ReadMono(ogg, SynthFixture.Rate);
        Assert.InRange(samples.Length, 3999, 4001);
        var middle = samples.AsSpan(500, 3000);
        Assert.True(TestWav.ToneEnergy(middle, 440, SynthFixture.Rate) > 100 * TestWav.ToneEnergy(middle, 1200, SynthFixture.Rate));
    }
}
