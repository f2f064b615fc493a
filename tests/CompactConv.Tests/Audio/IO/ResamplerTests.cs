using CompactConv.Audio;

namespace CompactConv.Tests.Audio.IO;

public sealed class ResamplerTests
{
    // The kernel reaches about 35 input samples at full bandwidth (more when downsampling), so
    // comparisons skip a margin at each end where the zero padding outside the signal shows.
    private const int Margin = 400;

    /// <summary>Largest difference between the output and the same sine sampled at the new rate.</summary>
    private static double MaxErrorAgainstIdealSine(double frequency, int from, int to, int inputLength, double amplitude = 0.5)
    {
        var output = Resampler.Resample(Signals.Sine(frequency, from, inputLength, amplitude), from, to);
        var ideal = Signals.Sine(frequency, to, output.Length, amplitude);
        double worst = 0;
        for (int n = Margin; n < output.Length - Margin; n++)
            worst = Math.Max(worst, Math.Abs(output[n] - ideal[n]));
        return worst;
    }

    [Fact]
    public void OneKilohertzFrom48To44Point1KeepsFrequencyAmplitudeAndTiming()
    {
        var output = Resampler.Resample(Signals.Sine(1000, 48000, 48000), 48000, 44100);

        Assert.Equal(44100, output.Length);
        Assert.Equal(1000, Signals.ZeroCrossingFrequency(output, 44100, Margin, 44100 - Margin), 10.0); // within 1 %
        double rms = Signals.Rms(output, Margin, 44100 - Margin);
        Assert.Equal(0.5 / Math.Sqrt(2), rms, 0.01 * 0.5 / Math.Sqrt(2));
        // Sample by sample against the ideal 44.1 kHz sine: also catches any delay.
        Assert.True(MaxErrorAgainstIdealSine(1000, 48000, 44100, 48000) < 0.005 * 0.5);
    }

    [Fact]
    public void TwentyKilohertzFrom44Point1To16IsRemovedNotAliased()
    {
        // 20 kHz is above the new Nyquist frequency (8 kHz); without filtering it would fold to 4 kHz.
        var input = Signals.Sine(20000, 44100, 44100);
        var output = Resampler.Resample(input, 44100, 16000);

        double inputRms = Signals.Rms(input, Margin, input.Length - Margin);
        double outputRms = Signals.Rms(output, Margin, output.Length - Margin);
        double attenuationDb = 20 * Math.Log10(outputRms / inputRms);
        Assert.True(attenuationDb <= -40, $"attenuation only {attenuationDb:F1} dB");
    }

    [Fact]
    public void ToneJustAboveTheNewNyquistIsStronglyAttenuated()
    {
        // 8.2 kHz into 16 kHz output would alias to 7.8 kHz.
        var input = Signals.Sine(8200, 44100, 44100);
        var output = Resampler.Resample(input, 44100, 16000);

        double ratio = Signals.Rms(output, Margin, output.Length - Margin) / Signals.Rms(input, Margin, input.Length - Margin);
        Assert.True(20 * Math.Log10(ratio) <= -40, $"only {20 * Math.Log10(ratio):F1} dB");
    }

    [Fact]
    public void PassbandToneSurvivesDownsampling()
    {
        // 6 kHz is 0.75 of the new Nyquist frequency, inside the passband.
        Assert.True(MaxErrorAgainstIdealSine(6000, 44100, 16000, 22050) < 0.01 * 0.5);
    }

    [Theory]
    [InlineData(16000, 44100)]
    [InlineData(8000, 48000)]
    [InlineData(22050, 32000)]
    public void UpsamplingInterpolatesTheSine(int from, int to) =>
        Assert.True(MaxErrorAgainstIdealSine(440, from, to, from / 2) < 0.001);

    [Fact]
    public void NearlyEqualCoprimeRatesWork()
    {
        // 44100 / 44099 reduces to 44099 phases: weights are computed per sample instead of tabulated.
        Assert.True(MaxErrorAgainstIdealSine(1000, 44100, 44099, 8000) < 0.001);
    }

    [Fact]
    public void ConstantStaysConstant()
    {
        var output = Resampler.Resample(Enumerable.Repeat(0.25f, 20000).ToArray(), 48000, 22050);

        for (int n = Margin; n < output.Length - Margin; n++)
            Assert.Equal(0.25, output[n], 1e-4);
    }

    [Theory]
    [InlineData(1000, 48000, 44100, 919)]   // 918.75 rounds up
    [InlineData(3, 44100, 22050, 2)]        // 1.5: halves round up
    [InlineData(1, 44100, 22050, 1)]        // 0.5
    [InlineData(7, 3, 2, 5)]                // 4.67
    [InlineData(10, 44100, 16000, 4)]       // 3.628
    [InlineData(0, 8000, 16000, 0)]
    public void OutputLengthIsTheRoundedRatio(long n, int from, int to, long expected)
    {
        Assert.Equal(expected, Resampler.OutputLength(n, from, to));
        if (n > 0)
            Assert.Equal(expected, Resampler.Resample(new float[n], from, to).LongLength);
    }

    [Fact]
    public void OutputLengthMatchesRoundingForManyLengths()
    {
        foreach (var (from, to) in new[] { (48000, 44100), (44100, 16000), (22050, 44100), (96000, 22050) })
            for (long n = 0; n < 5000; n += 7)
                Assert.Equal((long)Math.Floor(n * (decimal)to / from + 0.5m), Resampler.OutputLength(n, from, to));
    }

    [Fact]
    public void OutputLengthIsExactForHugeInputs()
    {
        // 10^12 samples: products beyond 2^63 must not overflow.
        Assert.Equal(918_750_000_000, Resampler.OutputLength(1_000_000_000_000, 48000, 44100));
    }

    [Fact]
    public void SameRateReturnsACopy()
    {
        float[] input = [0.1f, -0.2f, 0.3f];
        var output = Resampler.Resample(input, 16000, 16000);

        Assert.Equal(input, output);
        Assert.NotSame(input, output);
    }

    [Fact]
    public void IdenticalInputGivesIdenticalOutput()
    {
        var input = Signals.Sine(3000, 44100, 5000);

        Assert.Equal(Resampler.Resample(input, 44100, 16000), Resampler.Resample(input, 44100, 16000));
    }

    [Fact]
    public void EmptyInputGivesEmptyOutput() => Assert.Empty(Resampler.Resample([], 48000, 16000));

    [Fact]
    public void RatesMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample([1f], 0, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample([1f], 16000, -1));
    }
}
