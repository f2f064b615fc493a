namespace CompactConv.Audio.Features;

/// <summary>The analysis window as the STFT applies it: periodic, zero-padded to n_fft and centred.</summary>
public static class AnalysisWindow
{
    /// <summary>
    /// NFft values: a periodic window of <see cref="LogMelOptions.EffectiveWinLength"/> samples,
    /// w[n] = a - (1 - a) cos(2 pi n / N), placed (NFft - N) / 2 samples from the start (librosa's
    /// pad_center), zeros elsewhere.
    /// </summary>
    public static float[] Create(LogMelOptions options)
    {
        options.Validate();
        int n = options.EffectiveWinLength;
        double a = options.Window switch
        {
            WindowFunction.Hann => 0.5,
            WindowFunction.Hamming => 0.54,
            _ => throw new ArgumentException($"unknown window {options.Window}"),
        };
        var window = new float[options.NFft];
        int offset = (options.NFft - n) / 2;
        for (int i = 0; i < n; i++)
            window[offset + i] = (float)(a - (1 - a) * Math.Cos(2 * Math.PI * i / n));
        return window;
    }
}
