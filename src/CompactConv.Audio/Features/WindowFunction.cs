namespace CompactConv.Audio.Features;

/// <summary>
/// Analysis window, always the periodic ("DFT-even") form, as scipy's get_window(..., fftbins=True)
/// that librosa uses: w[n] = a - (1 - a) * cos(2 pi n / N) for n = 0 .. N-1.
/// </summary>
public enum WindowFunction
{
    /// <summary>Hann, a = 0.5 (librosa's default).</summary>
    Hann,

    /// <summary>Hamming, a = 0.54.</summary>
    Hamming,
}
