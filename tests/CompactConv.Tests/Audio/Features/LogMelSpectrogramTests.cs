using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class LogMelSpectrogramTests
{
    private static readonly LogMelOptions Small = new() { SampleRate = 8000, NFft = 256, HopLength = 64, NMels = 32 };

    [Theory]
    [InlineData(true, 0, 1)]
    [InlineData(true, 1023, 1)]
    [InlineData(true, 1024, 2)]
    [InlineData(true, 2048, 3)]
    [InlineData(true, 441000, 431)]   // 1 + floor(441000 / 1024)
    [InlineData(false, 2047, 0)]
    [InlineData(false, 2048, 1)]
    [InlineData(false, 3071, 1)]
    [InlineData(false, 3072, 2)]
    [InlineData(false, 441000, 429)]  // 1 + floor((441000 - 2048) / 1024)
    public void FrameCount_DefaultFftAndHop(bool center, long samples, long expected) =>
        Assert.Equal(expected, LogMelSpectrogram.FrameCount(samples, new LogMelOptions { Center = center }));

    [Theory]
    [InlineData(true, PadMode.Constant, 1000)]
    [InlineData(true, PadMode.Reflect, 1023)]
    [InlineData(true, PadMode.Constant, 1024)]
    [InlineData(false, PadMode.Constant, 1025)]
    [InlineData(false, PadMode.Constant, 256)]
    public void Output_HasNMelsAndFrameCountFrames(bool center, PadMode pad, int samples)
    {
        var o = Small with { Center = center, PadMode = pad };
        var extractor = new LogMelSpectrogram(o);
        var features = extractor.Compute(Signals.TonesAndNoise(8000, samples, 1));
        Assert.Equal(32, features.GetLength(0));
        Assert.Equal(LogMelSpectrogram.FrameCount(samples, o), features.GetLength(1));
    }

    [Fact]
    public void OddNFft_FrameCountAndShape()
    {
        // n_fft 5, hop 2, centred: padded 10 + 2 * 2 = 14 samples -> 1 + (14 - 5) / 2 = 5 frames, 3 bins.
        var o = new LogMelOptions { SampleRate = 8000, NFft = 5, HopLength = 2, NMels = 1, FMin = 1000, FMax = 4000 };
        Assert.Equal(5, LogMelSpectrogram.FrameCount(10, o));
        var extractor = new LogMelSpectrogram(o);
        Assert.Equal(5, extractor.Compute(Signals.Sine(2000, 8000, 10)).GetLength(1));
    }

    [Theory]
    [InlineData(MelScale.Slaney, MelNorm.Slaney)]
    [InlineData(MelScale.Htk, MelNorm.None)]
    public void PureTone_PeaksInTheBandWhoseCentreIsNearest1kHz(MelScale scale, MelNorm norm)
    {
        var o = new LogMelOptions { MelScale = scale, Norm = norm };
        var extractor = new LogMelSpectrogram(o);
        var features = extractor.Compute(Signals.Sine(1000, 44100, 22050));
        int frames = features.GetLength(1);
        int loudest = 0;
        double loudestMean = double.NegativeInfinity;
        for (int m = 0; m < o.NMels; m++)
        {
            double mean = 0;
            for (int t = 2; t < frames - 2; t++) mean += features[m, t]; // skip the padded edge frames
            if (mean > loudestMean) (loudest, loudestMean) = (m, mean);
        }
        var centres = MelFrequencies.Points(o.NMels + 2, 0, 22050, scale).Skip(1).Take(o.NMels).ToArray();
        int nearest = Array.IndexOf(centres, centres.MinBy(c => Math.Abs(c - 1000)));
        Assert.Equal(nearest, loudest);
        Assert.InRange(centres[loudest], 950, 1050);
    }

    [Theory]
    [InlineData(true, PadMode.Constant, null)]
    [InlineData(true, PadMode.Reflect, null)]
    [InlineData(false, PadMode.Constant, 200)]
    public void AgreesWithDirectDoublePrecisionDft(bool center, PadMode pad, int? winLength)
    {
        var o = Small with { Center = center, PadMode = pad, WinLength = winLength };
        var signal = Signals.TonesAndNoise(8000, 2000, seed: 7);
        var extractor = new LogMelSpectrogram(o);
        var actual = extractor.Compute(signal);
        var expected = NaiveLogMel.Compute(signal, o);
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        double floor = expected.Cast<double>().Max() - o.TopDb!.Value;
        int compared = 0;
        for (int m = 0; m < expected.GetLength(0); m++)
            for (int t = 0; t < expected.GetLength(1); t++)
            {
                if (expected[m, t] > floor + 1)
                {
                    Assert.True(Math.Abs(expected[m, t] - actual[m, t]) <= 1e-3,
                        $"band {m} frame {t}: DFT {expected[m, t]:F5} dB, extractor {actual[m, t]:F5} dB");
                    compared++;
                }
                else
                {
                    Assert.True(actual[m, t] >= floor - 1e-3, $"band {m} frame {t} is below the top_db floor: {actual[m, t]}");
                }
            }
        Assert.True(compared > expected.Length * 9 / 10, $"only {compared} of {expected.Length} values above the floor");
    }

    [Fact]
    public void MagnitudePower1_AgreesWithDirectDft()
    {
        var o = Small with { Power = 1.0, TopDb = null };
        var signal = Signals.TonesAndNoise(8000, 1000, seed: 3);
        var extractor = new LogMelSpectrogram(o);
        var actual = extractor.Compute(signal);
        var expected = NaiveLogMel.Compute(signal, o);
        for (int m = 0; m < expected.GetLength(0); m++)
            for (int t = 0; t < expected.GetLength(1); t++)
                Assert.True(Math.Abs(expected[m, t] - actual[m, t]) <= 1e-3, $"band {m} frame {t}");
    }

    [Fact]
    public void TopDbFloor_IsRelativeToEachSignalsOwnMaximum()
    {
        var loud = Signals.TonesAndNoise(8000, 1500, seed: 1);
        // Quiet, with a silent stretch (-100 dB before the floor): raised to 30 dB below its own maximum.
        var quiet = Signals.TonesAndNoise(8000, 1500, seed: 2, scale: 1e-3);
        Array.Clear(quiet, 700, 500);
        var extractor = new LogMelSpectrogram(Small with { TopDb = 30 });
        var a = extractor.Compute(loud);
        var b = extractor.Compute(quiet);
        Assert.InRange(a.Cast<float>().Min(), a.Cast<float>().Max() - 30.001f, float.MaxValue);
        Assert.Equal(b.Cast<float>().Max() - 30, b.Cast<float>().Min(), 3);
        Assert.True(b.Cast<float>().Min() < a.Cast<float>().Min() - 40, "the quiet signal should keep its own, lower floor");
    }

    [Fact]
    public void ConcurrentCalls_GiveWhatSequentialCallsGive()
    {
        var extractor = new LogMelSpectrogram(Small);
        var signals = Enumerable.Range(0, 16).Select(seed => Signals.TonesAndNoise(8000, 1000 + 37 * seed, seed)).ToArray();
        var sequential = signals.Select(s => extractor.Compute(s)).ToArray();
        var parallel = new float[signals.Length][,];
        Parallel.For(0, signals.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = extractor.Compute(signals[i]));
        for (int i = 0; i < signals.Length; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheProblem()
    {
        var extractor = new LogMelSpectrogram(Small);
        Assert.Contains("0 samples", Assert.Throws<ArgumentException>(() => extractor.Compute(Array.Empty<float>())).Message);
        var uncentred = new LogMelSpectrogram(Small with { Center = false });
        Assert.Contains("100 samples", Assert.Throws<ArgumentException>(() => uncentred.Compute(new float[100])).Message);
        var reflect = new LogMelSpectrogram(Small with { PadMode = PadMode.Reflect });
        Assert.Contains("128", Assert.Throws<ArgumentException>(() => reflect.Compute(new float[128])).Message);
        Assert.Equal(32, reflect.Compute(new float[129]).GetLength(0));
        Assert.Throws<ArgumentException>(() => new LogMelSpectrogram(Small with { NMels = 0 }));
        // Through the path overload, a signal too short names its file.
        Assert.Equal("clips/short.wav", Assert.Throws<DataException>(() => uncentred.Compute("clips/short.wav", new float[100])).Path);
    }

    [Fact]
    public void HugeFiniteSamples_AreRefusedInsteadOfGivingInfinities()
    {
        // Float WAV holds samples like 1e30 without complaint; their power spectrum overflows float32,
        // and the infinities and NaNs would reach training, predict and detect without a word.
        var extractor = new LogMelSpectrogram(Small);
        var huge = Signals.Sine(440, 8000, 800).Select(v => v * 1e30f).ToArray();
        var error = Assert.Throws<ArgumentException>(() => extractor.Compute(huge));
        Assert.Contains("not finite", error.Message);
        Assert.Contains("the largest sample magnitude is ", error.Message);
        // Through the path overload, the same problem names the file it came from.
        var named = Assert.Throws<DataException>(() => extractor.Compute("clips/loud.wav", huge));
        Assert.Equal("clips/loud.wav", named.Path);
        Assert.Contains("not finite", named.Message);
        // Loud but representable audio is fine.
        Assert.All(Flatten(extractor.Compute(Signals.Sine(440, 8000, 800).Select(v => v * 1e6f).ToArray())), v => Assert.True(double.IsFinite(v)));
    }

    private static double[] Flatten(float[,] values) => values.Cast<float>().Select(v => (double)v).ToArray();
}
