namespace CompactConv.Audio.Features;

/// <summary>
/// The triangular mel filterbank of librosa.filters.mel. Written here rather than taken from
/// NWaves: NWaves' general triangular bank rounds every filter corner to a whole FFT bin, while
/// librosa evaluates each ramp at the exact bin frequencies, and NWaves has no HTK-scale bank
/// with area normalisation. (NWaves' MelBankSlaney is compared with this one in the tests.)
/// </summary>
public static class MelFilterbank
{
    /// <summary>
    /// Weights [NMels, NFft/2 + 1]: row m is a triangle over the FFT bin frequencies k * sr / n_fft
    /// that rises from mel point m to point m+1 and falls to point m+2, the n_mels + 2 points being
    /// equally spaced in mel between FMin and FMax; with Slaney norm it is scaled by
    /// 2 / (f[m+2] - f[m]) so that all filters have equal area.
    /// </summary>
    public static float[,] Create(LogMelOptions options)
    {
        options.Validate();
        int bins = options.FrequencyBins;
        int mels = options.NMels;
        var edges = MelFrequencies.Points(mels + 2, options.FMin, options.EffectiveFMax, options.MelScale);
        var weights = new float[mels, bins];
        for (int m = 0; m < mels; m++)
        {
            double lower = edges[m], centre = edges[m + 1], upper = edges[m + 2];
            double scale = options.Norm == MelNorm.Slaney ? 2.0 / (upper - lower) : 1.0;
            for (int k = 0; k < bins; k++)
            {
                double f = (double)k * options.SampleRate / options.NFft;
                double rising = (f - lower) / (centre - lower);
                double falling = (upper - f) / (upper - centre);
                double w = Math.Max(0.0, Math.Min(rising, falling));
                weights[m, k] = (float)(w * scale);
            }
        }
        return weights;
    }

    /// <summary>Indices of filters that got no weight on any bin (too many mel bands for the FFT resolution).</summary>
    public static int[] EmptyFilters(float[,] weights)
    {
        var empty = new List<int>();
        for (int m = 0; m < weights.GetLength(0); m++)
        {
            bool any = false;
            for (int k = 0; k < weights.GetLength(1) && !any; k++) any = weights[m, k] > 0;
            if (!any) empty.Add(m);
        }
        return empty.ToArray();
    }
}
