namespace CompactConv.Audio.Features;

/// <summary>Conversions between Hz and mel on either scale, in double precision.</summary>
public static class MelFrequencies
{
    // Slaney's scale: 3 mel per 200 Hz up to 1 kHz (so 1 kHz is mel 15), then 27 mel per factor
    // 6.4 in frequency. The two pieces meet with equal value (not equal slope) at 1 kHz.
    private const double SlaneyHzPerMel = 200.0 / 3.0;
    private const double SlaneyBreakHz = 1000.0;
    private const double SlaneyBreakMel = SlaneyBreakHz / SlaneyHzPerMel;
    private static readonly double SlaneyLogStep = Math.Log(6.4) / 27.0;

    /// <summary>Frequency in Hz to mel on <paramref name="scale"/>.</summary>
    public static double HzToMel(double hz, MelScale scale) => scale switch
    {
        MelScale.Htk => 2595.0 * Math.Log10(1.0 + hz / 700.0),
        MelScale.Slaney => hz < SlaneyBreakHz
            ? hz / SlaneyHzPerMel
            : SlaneyBreakMel + Math.Log(hz / SlaneyBreakHz) / SlaneyLogStep,
        _ => throw new ArgumentException($"unknown mel scale {scale}"),
    };

    /// <summary>Mel on <paramref name="scale"/> to frequency in Hz (the inverse of <see cref="HzToMel"/>).</summary>
    public static double MelToHz(double mel, MelScale scale) => scale switch
    {
        MelScale.Htk => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0),
        MelScale.Slaney => mel < SlaneyBreakMel
            ? mel * SlaneyHzPerMel
            : SlaneyBreakHz * Math.Exp(SlaneyLogStep * (mel - SlaneyBreakMel)),
        _ => throw new ArgumentException($"unknown mel scale {scale}"),
    };

    /// <summary>
    /// <paramref name="count"/> frequencies in Hz equally spaced in mel from <paramref name="fMin"/> to
    /// <paramref name="fMax"/> inclusive (librosa.mel_frequencies). With count = n_mels + 2 these
    /// are the filter edges: filter m rises from point m to point m+1 and falls to point m+2.
    /// </summary>
    public static double[] Points(int count, double fMin, double fMax, MelScale scale)
    {
        if (count < 2) throw new ArgumentException($"need at least 2 mel points, got {count}");
        var low = HzToMel(fMin, scale);
        var high = HzToMel(fMax, scale);
        var points = new double[count];
        for (int i = 0; i < count; i++)
            points[i] = MelToHz(low + (high - low) * i / (count - 1), scale);
        return points;
    }
}
