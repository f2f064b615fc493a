using CompactConv.Audio.Features;
using NWaves.Filters.Fda;

namespace CompactConv.Tests.Audio.Features;

/// <summary>
/// A tiny bank worked out by hand: sr 8000, n_fft 16 (9 bins at k * 500 Hz), 4 mels from 0 to 4000 Hz,
/// so 6 edge frequencies equally spaced in mel. Expected weights are evaluated here from the
/// triangle formula with the edges computed from the scale's own definition.
/// </summary>
public class MelFilterbankTests
{
    private static LogMelOptions Tiny(MelScale scale, MelNorm norm) =>
        new() { SampleRate = 8000, NFft = 16, NMels = 4, MelScale = scale, Norm = norm };

    /// <summary>Edges for the tiny bank: mel(4000) split in 5 equal steps, each mapped back to Hz.</summary>
    private static double[] TinyEdges(MelScale scale)
    {
        if (scale == MelScale.Htk)
        {
            double top = 2595 * Math.Log10(1 + 4000.0 / 700);
            return Enumerable.Range(0, 6).Select(i => 700 * (Math.Pow(10, top * i / 5 / 2595) - 1)).ToArray();
        }
        double logStep = Math.Log(6.4) / 27;
        double topMel = 15 + Math.Log(4.0) / logStep;
        return Enumerable.Range(0, 6).Select(i =>
        {
            double m = topMel * i / 5;
            return m < 15 ? m * 200 / 3 : 1000 * Math.Exp(logStep * (m - 15));
        }).ToArray();
    }

    [Theory]
    [InlineData(MelScale.Htk, MelNorm.None)]
    [InlineData(MelScale.Htk, MelNorm.Slaney)]
    [InlineData(MelScale.Slaney, MelNorm.None)]
    [InlineData(MelScale.Slaney, MelNorm.Slaney)]
    public void TinyBank_MatchesTriangleFormula(MelScale scale, MelNorm norm)
    {
        var w = MelFilterbank.Create(Tiny(scale, norm));
        Assert.Equal(4, w.GetLength(0));
        Assert.Equal(9, w.GetLength(1));
        var f = TinyEdges(scale);
        for (int m = 0; m < 4; m++)
        {
            double gain = norm == MelNorm.Slaney ? 2 / (f[m + 2] - f[m]) : 1;
            for (int k = 0; k < 9; k++)
            {
                double hz = 500.0 * k;
                double expected = hz <= f[m] || hz >= f[m + 2] ? 0
                    : hz <= f[m + 1] ? (hz - f[m]) / (f[m + 1] - f[m])
                    : (f[m + 2] - hz) / (f[m + 2] - f[m + 1]);
                Assert.True(Math.Abs(expected * gain - w[m, k]) <= 1e-6 * Math.Max(1, expected * gain),
                    $"filter {m} bin {k}: expected {expected * gain}, got {w[m, k]}");
            }
        }
    }

    [Fact]
    public void TinyBank_HandComputedAnchors()
    {
        // HTK edges: 0, 324.4671, 799.3325, 1494.3097, 2511.4258, 4000 Hz.
        var htk = MelFilterbank.Create(Tiny(MelScale.Htk, MelNorm.None));
        // 500 Hz lies on filter 0's falling ramp, between 324.4671 and 799.3325 Hz.
        Assert.Equal((799.3325 - 500) / (799.3325 - 324.4671), htk[0, 1], 1e-5);
        Assert.Equal(0.630352, htk[0, 1], 1e-5);
        Assert.Equal((1000 - 799.3325) / (1494.3097 - 799.3325), htk[2, 2], 1e-5); // 0.288740
        Assert.Equal(0f, htk[0, 0]);
        Assert.Equal(0f, htk[3, 8]); // 4000 Hz is the last edge: weight 0
        // Slaney edges: 0, 468.8501, 937.7003, 1520.8448, 2466.4507, 4000 Hz; area norm of filter 0 = 2 / 937.7003.
        var slaney = MelFilterbank.Create(Tiny(MelScale.Slaney, MelNorm.Slaney));
        Assert.Equal((937.7003 - 500) / (937.7003 - 468.8501) * 2 / 937.7003, slaney[0, 1], 1e-8); // 0.933561 * 0.00213288
    }

    [Fact]
    public void DefaultBank_HasLibrosaShape_AndNoEmptyFilter()
    {
        var w = MelFilterbank.Create(new LogMelOptions());
        Assert.Equal(128, w.GetLength(0));
        Assert.Equal(1025, w.GetLength(1));
        Assert.Empty(MelFilterbank.EmptyFilters(w));
    }

    [Fact]
    public void TooManyMelsForTheFft_LeaveEmptyFilters()
    {
        var w = MelFilterbank.Create(new LogMelOptions { SampleRate = 8000, NFft = 16, NMels = 40 });
        Assert.NotEmpty(MelFilterbank.EmptyFilters(w));
    }

    [Theory]
    [InlineData(MelScale.Slaney)]
    [InlineData(MelScale.Htk)]
    public void EachFilter_PeaksAtTheBinNextToItsCentre(MelScale scale)
    {
        var o = new LogMelOptions { MelScale = scale, Norm = MelNorm.None };
        var w = MelFilterbank.Create(o);
        var edges = MelFrequencies.Points(o.NMels + 2, 0, o.EffectiveFMax, scale);
        double binHz = (double)o.SampleRate / o.NFft;
        for (int m = 0; m < o.NMels; m++)
        {
            int best = 0;
            for (int k = 1; k < o.FrequencyBins; k++) if (w[m, k] > w[m, best]) best = k;
            double centreBin = edges[m + 1] / binHz;
            Assert.True(best == (int)Math.Floor(centreBin) || best == (int)Math.Ceiling(centreBin),
                $"filter {m}: centre at bin {centreBin:F2}, peak at bin {best}");
            Assert.True(w[m, best] <= 1f + 1e-6f, $"filter {m} exceeds 1 without normalisation: {w[m, best]}");
        }
    }

    [Fact]
    public void SlaneyNorm_GivesEveryWideFilterUnitArea()
    {
        var o = new LogMelOptions();
        var w = MelFilterbank.Create(o);
        double binHz = (double)o.SampleRate / o.NFft;
        // Filters spanning many bins: the Riemann sum of the triangle is its area, 1 under area normalisation.
        for (int m = 64; m < o.NMels; m++)
        {
            double area = 0;
            for (int k = 0; k < o.FrequencyBins; k++) area += w[m, k] * binHz;
            Assert.Equal(1.0, area, 0.02);
        }
    }

    [Fact]
    public void AgreesWithNWavesSlaneyBank()
    {
        // NWaves builds its Slaney bank independently (its own mel conversion and ramps); librosa's
        // defaults at sr 22050, n_fft 512 and 40 bands.
        var o = new LogMelOptions { SampleRate = 22050, NFft = 512, NMels = 40 };
        var ours = MelFilterbank.Create(o);
        var theirs = FilterBanks.MelBankSlaney(40, 512, 22050, 0, 11025, true, null);
        Assert.Equal(40, theirs.Length);
        for (int m = 0; m < 40; m++)
        {
            Assert.Equal(257, theirs[m].Length);
            for (int k = 0; k < 257; k++)
                Assert.True(Math.Abs(ours[m, k] - theirs[m][k]) <= 1e-6 + 1e-4 * Math.Abs(theirs[m][k]),
                    $"filter {m} bin {k}: ours {ours[m, k]}, NWaves {theirs[m][k]}");
        }
    }
}
