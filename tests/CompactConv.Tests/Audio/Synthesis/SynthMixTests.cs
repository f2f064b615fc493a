using System.Globalization;
using CompactConv.Audio.Synthesis;

namespace CompactConv.Tests.Audio.Synthesis;

public class SynthMixTests
{
    private static double Snr(EventStem stem, SoundscapeStems stems) =>
        10 * Math.Log10(TestWav.MeanSquare(stem.Samples) / TestWav.MeanSquare(stems.Background.AsSpan(stem.Event.OnsetSamples, stem.Event.LengthSamples)));

    [Fact]
    public void EachEventReachesItsSnrAgainstTheBackgroundItCovers()
    {
        using var fixture = new SynthFixture();
        fixture.Spec["background_level_db"] = -26;
        fixture.Spec["background_gain_db"] = -6;
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        int events = 0;
        var snrs = new List<double>();
        for (int i = 0; i < synth.Spec.TrainCount; i++)
        {
            var stems = synth.Render(SynthSplit.Train, i);
            // Normalised to -26 dBFS, then 6 dB down; quiet enough that nothing clips.
            Assert.Equal(0, stems.GainReductionDb);
            Assert.InRange(10 * Math.Log10(TestWav.MeanSquare(stems.Background)), -32.01, -31.99);
            foreach (var stem in stems.Events)
            {
                Assert.InRange(Snr(stem, stems), stem.Event.SnrDb - 0.5, stem.Event.SnrDb + 0.5);
                var range = stems.Plan.Scene == "park" ? (6.0, 20.0) : (0.0, 10.0);
                Assert.InRange(stem.Event.SnrDb, range.Item1, range.Item2);
                snrs.Add(stem.Event.SnrDb);
                events++;
            }
            // The mix is the background plus the events, nothing else.
            var sum = (float[])stems.Background.Clone();
            foreach (var stem in stems.Events)
                for (int k = 0; k < stem.Samples.Length; k++) sum[stem.Event.OnsetSamples + k] += stem.Samples[k];
            for (int k = 0; k < sum.Length; k++) Assert.True(Math.Abs(sum[k] - stems.Mix[k]) < 1e-5, $"sample {k}");
        }
        Assert.True(events >= 7);
        Assert.True(snrs.Max() - snrs.Min() > 3, "SNRs are drawn from the range, not fixed");
    }

    [Fact]
    public void TheAnnotatedEventsFrequencyDominatesItsInterval()
    {
        using var fixture = new SynthFixture();
        var outDir = fixture.Folder.File("out");
        SoundscapeSynthesizer.Generate(fixture.WriteSpec(), outDir);
        var rows = SynthOutputTests.ReadTsv(Path.Combine(outDir, "annotations.tsv"), "filename\tonset\toffset\tevent_label");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var (rate, audio) = TestWav.ReadPcm16(Path.Combine(outDir, "audio", row[0]));
            int start = (int)Math.Round(double.Parse(row[1], CultureInfo.InvariantCulture) * rate);
            int end = (int)Math.Round(double.Parse(row[2], CultureInfo.InvariantCulture) * rate);
            var span = audio[start..end];
            var energies = SynthFixture.Frequencies.ToDictionary(f => f.Key, f => TestWav.ToneEnergy(span, f.Value, rate));
            string loudest = energies.MaxBy(e => e.Value).Key;
            Assert.True(loudest == row[3], $"{row[0]} {row[1]}-{row[2]} is {row[3]} but {loudest} dominates");
        }
    }

    [Fact]
    public void TheWrittenFileIsTheRenderedMix()
    {
        using var fixture = new SynthFixture();
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        synth.Generate(outDir);
        var stems = synth.Render(SynthSplit.Test, 1);
        var (_, audio) = TestWav.ReadPcm16(Path.Combine(outDir, "audio", stems.Plan.Name + ".wav"));
        Assert.Equal(stems.Mix.Length, audio.Length);
        for (int i = 0; i < audio.Length; i++) Assert.True(Math.Abs(audio[i] - stems.Mix[i]) <= 0.6 / 32768, $"sample {i}");
    }

    [Fact]
    public void BackgroundLoopsFromItsOffsetAndStereoFloatClipsAreMixedToMono()
    {
        using var fixture = new SynthFixture();
        // Replace the 'hum' recordings by one stereo float32 recording of 0.7 s, so it must loop.
        Directory.Delete(Path.Combine(fixture.BackgroundDir, "hum"), recursive: true);
        var left = TestWav.Noise(0.7, SynthFixture.Rate, 0.2, 99);
        var right = TestWav.Noise(0.7, SynthFixture.Rate, 0.2, 100);
        var interleaved = new float[left.Length * 2];
        for (int i = 0; i < left.Length; i++) (interleaved[2 * i], interleaved[2 * i + 1]) = (left[i], right[i]);
        TestWav.Write(Path.Combine(fixture.BackgroundDir, "hum", "stereo.wav"), interleaved, SynthFixture.Rate, channels: 2, float32: true);
        fixture.Spec["scenes"]!.AsArray().RemoveAt(1);
        fixture.Spec["background_gain_db"] = 6;
        fixture.Split(0);

        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var stems = synth.Render(SynthSplit.Train, 0);
        Assert.Equal("park", stems.Plan.Scene);
        var bg = stems.Plan.Background;
        Assert.Equal(left.Length, bg.ClipSamples);
        double gain = Math.Pow(10, 6 / 20.0) * Math.Pow(10, -stems.GainReductionDb / 20);
        for (int i = 0; i < stems.Background.Length; i++)
        {
            int at = (bg.OffsetSamples + i) % left.Length;
            float expected = (float)((left[at] + right[at]) / 2 * gain);
            Assert.True(Math.Abs(stems.Background[i] - expected) < 1e-5, $"sample {i}");
        }
    }

    [Fact]
    public void LoudMixesAreTurnedDownToThePeakLimitAndReported()
    {
        using var fixture = new SynthFixture(eventAmplitude: 0.9, backgroundAmplitude: 0.6);
        foreach (int s in new[] { 0, 1 })
            fixture.Scene(s)["events"]!["snr_db"] = System.Text.Json.Nodes.JsonNode.Parse("""{"min": 15, "max": 20}""");
        fixture.Spec["count"] = 6;
        var outDir = fixture.Folder.File("out");
        var synth = new SoundscapeSynthesizer(SynthSpecReader.Load(fixture.WriteSpec()));
        var report = synth.Generate(outDir);

        Assert.Equal(6, report.Clipping.FilesScaled);
        Assert.Equal(6, report.Clipping.Files.Count);
        foreach (var file in report.Clipping.Files)
        {
            var (_, audio) = TestWav.ReadPcm16(Path.Combine(outDir, "audio", file.File));
            double peak = audio.Max(Math.Abs);
            Assert.InRange(peak, 0.985, 0.99 + 1.0 / 32767);
            Assert.True(file.PeakBefore > 0.99);
            double expected = 20 * Math.Log10(file.PeakBefore / 0.99);
            Assert.InRange(file.GainReductionDb, expected - 0.002, expected + 0.002);
        }
        Assert.Equal(report.Clipping.Files.Max(f => f.GainReductionDb), report.Clipping.MaxGainReductionDb);
        var stems = synth.Render(SynthSplit.Train, 0);
        Assert.True(stems.GainReductionDb > 0);
        Assert.All(stems.Events, e => Assert.InRange(Snr(e, stems), e.Event.SnrDb - 0.5, e.Event.SnrDb + 0.5));
    }
}
