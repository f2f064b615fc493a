namespace CompactConv.Audio;

/// <summary>
/// The low-pass interpolation kernel of <see cref="Resampler"/>: a sinc with its cutoff just below
/// the lower of the two Nyquist frequencies, tapered by a Kaiser window. Evaluated at arbitrary
/// fractional offsets, which is why the window is computed here rather than taken from NWaves
/// (whose windows are sampled on a fixed grid).
/// </summary>
internal sealed class ResamplingKernel
{
    // Kernel half-width in zero crossings of the sinc. With the window below this gives a
    // transition band of about 0.16 of the lower Nyquist frequency.
    private const int ZeroCrossings = 32;

    // Cutoff as a fraction of the lower Nyquist frequency: the passband ends near 0.84 of it
    // and the stopband begins at it, so nothing above the new Nyquist frequency folds back.
    private const double Rolloff = 0.92;

    // Kaiser beta for about 86 dB of stopband attenuation, well below 16-bit quantisation noise.
    private const double Beta = 8.6;

    private readonly double _cutoff;
    private readonly double _besselOfBeta = BesselI0(Beta);

    /// <summary>The kernel for converting <paramref name="fromRate"/> to <paramref name="toRate"/>.</summary>
    public ResamplingKernel(int fromRate, int toRate)
    {
        // Cutoff in cycles per input sample times two: 1 would be the input Nyquist frequency.
        _cutoff = Math.Min(1.0, (double)toRate / fromRate) * Rolloff;
        HalfWidth = ZeroCrossings / _cutoff;
    }

    /// <summary>The kernel is zero at distances of this many input samples or more.</summary>
    public double HalfWidth { get; }

    /// <summary>The weight of an input sample <paramref name="distance"/> input samples away from the output instant.</summary>
    public double Weight(double distance)
    {
        double u = distance / HalfWidth;
        if (u is <= -1 or >= 1)
            return 0;
        double x = _cutoff * distance;
        double sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
        double window = BesselI0(Beta * Math.Sqrt(1 - u * u)) / _besselOfBeta;
        // Scaling by the cutoff keeps the gain at 0 Hz at one when the kernel is widened for downsampling.
        return _cutoff * sinc * window;
    }

    /// <summary>The modified Bessel function of the first kind, order 0, by its power series (converges fast for the arguments used here).</summary>
    internal static double BesselI0(double x)
    {
        double sum = 1, term = 1, quarterSquare = x * x / 4;
        for (int k = 1; k < 200 && term > sum * 1e-17; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }
        return sum;
    }
}
