using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

/// <summary>Conversions at 0, 1000 and 4000 Hz against the scales' defining formulas, evaluated here.</summary>
public class MelFrequenciesTests
{
    [Fact]
    public void Slaney_LinearBelow1k_LogAbove()
    {
        Assert.Equal(0.0, MelFrequencies.HzToMel(0, MelScale.Slaney), 1e-12);
        // 1000 Hz / (200/3 Hz per mel) = 15 mel
        Assert.Equal(15.0, MelFrequencies.HzToMel(1000, MelScale.Slaney), 1e-12);
        // 500 Hz is in the linear part: 500 * 3 / 200 = 7.5
        Assert.Equal(7.5, MelFrequencies.HzToMel(500, MelScale.Slaney), 1e-12);
        // 4000 Hz: 15 + ln(4) / (ln(6.4) / 27) = 15 + 27 * 1.3862944 / 1.8562980 = 35.163760
        Assert.Equal(35.163760, MelFrequencies.HzToMel(4000, MelScale.Slaney), 1e-5);
        // One step of 27 mel above the break is a factor 6.4: 6400 Hz is mel 42.
        Assert.Equal(42.0, MelFrequencies.HzToMel(6400, MelScale.Slaney), 1e-10);
    }

    [Fact]
    public void Htk_Is2595Log10Of1PlusFOver700()
    {
        Assert.Equal(0.0, MelFrequencies.HzToMel(0, MelScale.Htk), 1e-12);
        // 2595 * log10(17/7) = 2595 * 0.3853509 = 999.98554
        Assert.Equal(999.98554, MelFrequencies.HzToMel(1000, MelScale.Htk), 1e-4);
        // 2595 * log10(47/7) = 2595 * 0.8269998 = 2146.0645
        Assert.Equal(2146.0645, MelFrequencies.HzToMel(4000, MelScale.Htk), 1e-3);
        // 700 Hz: 2595 * log10(2)
        Assert.Equal(2595 * Math.Log10(2), MelFrequencies.HzToMel(700, MelScale.Htk), 1e-10);
    }

    [Theory]
    [InlineData(MelScale.Slaney)]
    [InlineData(MelScale.Htk)]
    public void MelToHz_InvertsHzToMel(MelScale scale)
    {
        foreach (var hz in new[] { 0.0, 20, 999.9, 1000, 1000.1, 4000, 22050 })
            Assert.Equal(hz, MelFrequencies.MelToHz(MelFrequencies.HzToMel(hz, scale), scale), 1e-6);
    }

    [Fact]
    public void Points_AreEquallySpacedInMel_WithExactEnds()
    {
        var p = MelFrequencies.Points(6, 0, 4000, MelScale.Slaney);
        Assert.Equal(6, p.Length);
        Assert.Equal(0.0, p[0], 1e-9);
        Assert.Equal(4000.0, p[5], 1e-6);
        // Step 35.163760 / 5 = 7.032752 mel; below 15 mel that is 7.032752 * 200 / 3 Hz.
        Assert.Equal(7.032752 * 200 / 3, p[1], 1e-3);
        var mels = p.Select(f => MelFrequencies.HzToMel(f, MelScale.Slaney)).ToArray();
        for (int i = 1; i < mels.Length; i++) Assert.Equal(7.032752, mels[i] - mels[i - 1], 1e-5);
    }
}
