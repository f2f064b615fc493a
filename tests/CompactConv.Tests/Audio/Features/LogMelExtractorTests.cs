using CompactConv.Audio.Features;
using static TorchSharp.torch;
using static CompactConv.Tests.Layers.TensorAssert;

namespace CompactConv.Tests.Audio.Features;

public class LogMelExtractorTests
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
        Assert.Equal(expected, LogMelExtractor.FrameCount(samples, new LogMelOptions { Center = center }));

    [Theory]
    [InlineData(true, PadMode.Constant, 1000)]
    [InlineData(true, PadMode.Reflect, 1023)]
    [InlineData(true, PadMode.Constant, 1024)]
    [InlineData(false, PadMode.Constant, 1025)]
    [InlineData(false, PadMode.Constant, 256)]
    public void Output_HasNMelsAndFrameCountFrames(bool center, PadMode pad, int samples)
    {
        var o = Small with { Center = center, PadMode = pad };
        using var extractor = new LogMelExtractor(o);
        var features = extractor.Compute(Signals.TonesAndNoise(8000, samples, 1));
        Assert.Equal(32, features.GetLength(0));
        Assert.Equal(LogMelExtractor.FrameCount(samples, o), features.GetLength(1));
    }

    [Fact]
    public void OddNFft_FrameCountAndShape()
    {
        // n_fft 5, hop 2, centred: padded 10 + 2 * 2 = 14 samples -> 1 + (14 - 5) / 2 = 5 frames, 3 bins.
        var o = new LogMelOptions { SampleRate = 8000, NFft = 5, HopLength = 2, NMels = 1, FMin = 1000, FMax = 4000 };
        Assert.Equal(5, LogMelExtractor.FrameCount(10, o));
        using var extractor = new LogMelExtractor(o);
        Assert.Equal(5, extractor.Compute(Signals.Sine(2000, 8000, 10)).GetLength(1));
    }

    [Theory]
    [InlineData(MelScale.Slaney, MelNorm.Slaney)]
    [InlineData(MelScale.Htk, MelNorm.None)]
    public void PureTone_PeaksInTheBandWhoseCentreIsNearest1kHz(MelScale scale, MelNorm norm)
    {
        var o = new LogMelOptions { MelScale = scale, Norm = norm };
        using var extractor = new LogMelExtractor(o);
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
        using var extractor = new LogMelExtractor(o);
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
        using var extractor = new LogMelExtractor(o);
        var actual = extractor.Compute(signal);
        var expected = NaiveLogMel.Compute(signal, o);
        for (int m = 0; m < expected.GetLength(0); m++)
            for (int t = 0; t < expected.GetLength(1); t++)
                Assert.True(Math.Abs(expected[m, t] - actual[m, t]) <= 1e-3, $"band {m} frame {t}");
    }

    [Fact]
    public void BatchOfTwo_EqualsTwoSingleCalls_WithPerExampleTopDb()
    {
        using var scope = NewDisposeScope();
        var a = Signals.TonesAndNoise(8000, 1500, seed: 1);
        // Quiet second example with a silent stretch: its floor is relative to its own maximum.
        var b = Signals.TonesAndNoise(8000, 1500, seed: 2, scale: 1e-3);
        Array.Clear(b, 700, 500);
        using var extractor = new LogMelExtractor(Small);
        var batch = extractor.Compute(stack([tensor(a), tensor(b)]));
        Assert.Equal([2L, 32, LogMelExtractor.FrameCount(1500, Small)], batch.shape);
        var singleA = extractor.Compute(a);
        var singleB = extractor.Compute(b);
        Close(Flatten(singleA), batch[0], 1e-4);
        Close(Flatten(singleB), batch[1], 1e-4);
        Assert.True(singleB.Cast<float>().Min() < singleA.Cast<float>().Min() - 40, "the quiet example should keep its own, lower floor");
        var listed = extractor.ComputeBatch([a, b]);
        Close(Flatten(singleB), tensor(Flatten(listed[1]).Select(v => (float)v).ToArray()), 1e-4);
    }

    [Fact]
    public void Float64Input_GivesTheSameAsFloat32()
    {
        using var scope = NewDisposeScope();
        var a = Signals.TonesAndNoise(8000, 600, seed: 4);
        using var extractor = new LogMelExtractor(Small);
        var f32 = extractor.Compute(tensor(a).unsqueeze(0));
        var f64 = extractor.Compute(tensor(a).to_type(ScalarType.Float64).unsqueeze(0));
        Assert.True(allclose(f32, f64, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void BadInput_ThrowsNamingTheProblem()
    {
        using var scope = NewDisposeScope();
        using var extractor = new LogMelExtractor(Small);
        Assert.Contains("[3]", Assert.Throws<ArgumentException>(() => extractor.Compute(zeros(3))).Message);
        Assert.Contains("0 samples", Assert.Throws<ArgumentException>(() => extractor.Compute(zeros(1, 0))).Message);
        Assert.Contains("Int32", Assert.Throws<ArgumentException>(() => extractor.Compute(zeros(1, 500, dtype: ScalarType.Int32))).Message);
        using var uncentred = new LogMelExtractor(Small with { Center = false });
        Assert.Contains("100 samples", Assert.Throws<ArgumentException>(() => uncentred.Compute(new float[100])).Message);
        using var reflect = new LogMelExtractor(Small with { PadMode = PadMode.Reflect });
        Assert.Contains("128", Assert.Throws<ArgumentException>(() => reflect.Compute(new float[128])).Message);
        Assert.Throws<ArgumentException>(() => new LogMelExtractor(Small with { NMels = 0 }));
    }

    [Fact]
    public void HugeFiniteSamples_AreRefusedInsteadOfGivingInfinities()
    {
        // Float WAV holds samples like 1e30 without complaint; their power spectrum overflows float32,
        // and the infinities and NaNs would reach training, predict and detect without a word.
        using var extractor = new LogMelExtractor(Small);
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

    [Fact]
    public void CreatedInsideADisposeScope_SurvivesIt()
    {
        LogMelExtractor extractor;
        using (NewDisposeScope())
            extractor = new LogMelExtractor(Small);
        using (extractor)
            Assert.Equal(32, extractor.Compute(Signals.Sine(440, 8000, 800)).GetLength(0));
        Assert.Throws<ObjectDisposedException>(() => extractor.Compute(new float[800]));
    }

    private static double[] Flatten(float[,] values) => values.Cast<float>().Select(v => (double)v).ToArray();
}
