using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

/// <summary>
/// <see cref="LogMelSpectrogram"/> against libtorch's float32 computation (<see cref="TorchLogMel"/>)
/// on random signals, for every option the front end has.
/// </summary>
public class LogMelParityTests
{
    /// <summary>
    /// Both sides round the FFT in float32, and that error is relative to the frame's largest
    /// component, not to each band: a band 80 dB below the peak carries ~1e-4 relative error in
    /// power there, which is ~5e-4 dB. So: 1e-4 dB within 40 dB of the maximum, 2e-3 dB below.
    /// </summary>
    private static void AssertParity(float[] signal, LogMelOptions o)
    {
        var actual = new LogMelSpectrogram(o).Compute(signal);
        var expected = TorchLogMel.Compute(signal, o);
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        float max = expected.Cast<float>().Max();
        for (int m = 0; m < expected.GetLength(0); m++)
            for (int t = 0; t < expected.GetLength(1); t++)
            {
                double tolerance = expected[m, t] > max - 40 ? 1e-4 : 2e-3;
                Assert.True(Math.Abs(expected[m, t] - actual[m, t]) <= tolerance,
                    $"band {m} frame {t}: torch {expected[m, t]:F6} dB, plain {actual[m, t]:F6} dB ({max - expected[m, t]:F1} dB below the maximum)");
            }
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1) * 0.5f).ToArray();
    }

    public static TheoryData<bool, PadMode, double, MelNorm, MelScale, double?> Combinations()
    {
        var data = new TheoryData<bool, PadMode, double, MelNorm, MelScale, double?>();
        foreach (var center in new[] { true, false })
            foreach (var pad in new[] { PadMode.Constant, PadMode.Reflect })
                foreach (var power in new[] { 1.0, 2.0 })
                    foreach (var norm in new[] { MelNorm.Slaney, MelNorm.None })
                    {
                        if (!center && pad == PadMode.Reflect) continue; // padding only applies when centred
                        data.Add(center, pad, power, norm, norm == MelNorm.Slaney ? MelScale.Slaney : MelScale.Htk, power == 2.0 ? 80.0 : null);
                    }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryOptionCombination_MatchesTorch(bool center, PadMode pad, double power, MelNorm norm, MelScale scale, double? topDb)
    {
        var o = new LogMelOptions { SampleRate = 8000, NFft = 256, HopLength = 64, NMels = 32, Center = center, PadMode = pad, Power = power, Norm = norm, MelScale = scale, TopDb = topDb };
        foreach (var (length, seed) in new[] { (300, 1), (1023, 2), (2000, 3), (4097, 4) })
            AssertParity(Random(length, seed), o);
    }

    [Theory]
    [InlineData(4, 1, 2)]      // the smallest FFT the plan takes
    [InlineData(8, 3, 4)]
    [InlineData(5, 2, 1)]      // not a power of two: Bluestein
    [InlineData(200, 50, 16)]
    [InlineData(1764, 882, 64)]
    [InlineData(2048, 1024, 128)]
    public void FftSizes_MatchTorch(int nFft, int hop, int mels)
    {
        var o = new LogMelOptions { SampleRate = 16000, NFft = nFft, HopLength = hop, NMels = mels, FMin = nFft < 16 ? 2000 : 0, Norm = MelNorm.None };
        AssertParity(Random(5000, nFft), o);
    }

    [Fact]
    public void ShortWindowAndHamming_MatchTorch() =>
        AssertParity(Random(3000, 9), new LogMelOptions { SampleRate = 22050, NFft = 512, WinLength = 300, HopLength = 160, NMels = 40, Window = WindowFunction.Hamming, FMin = 50, FMax = 8000 });

    [Fact]
    public void TenSecondClipAtTheDefaults_MatchesTorch() =>
        AssertParity(Signals.TonesAndNoise(44100, 441000, seed: 5), new LogMelOptions());
}
