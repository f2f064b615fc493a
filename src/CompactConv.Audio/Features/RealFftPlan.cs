using System.Numerics;

namespace CompactConv.Audio.Features;

/// <summary>
/// Squared magnitudes |X[k]|^2, k = 0 .. n/2, of the DFT of a real frame whose length n is a power
/// of two (at least 4): the frame is packed into a complex sequence of n/2 points (even samples
/// real, odd samples imaginary), transformed by <see cref="ComplexFft"/>, and the two interleaved
/// half-spectra are separated at the end. Holds scratch buffers: one instance per thread.
/// </summary>
internal sealed class RealFftPlan
{
    private readonly int _half;          // complex points, n / 2
    private readonly ComplexFft _fft;
    private readonly float[] _splitRe;   // e^{-2 pi i k / n}, k = 0 .. n/2
    private readonly float[] _splitIm;
    private readonly float[] _re;
    private readonly float[] _im;

    public RealFftPlan(int size)
    {
        if (size < 4 || !BitOperations.IsPow2(size)) throw new ArgumentException($"the FFT length must be a power of two of at least 4, got {size}");
        _half = size / 2;
        _fft = new ComplexFft(_half);
        _splitRe = new float[_half + 1];
        _splitIm = new float[_half + 1];
        for (int k = 0; k <= _half; k++)
        {
            _splitRe[k] = (float)Math.Cos(2 * Math.PI * k / size);
            _splitIm[k] = (float)-Math.Sin(2 * Math.PI * k / size);
        }
        _re = new float[_half];
        _im = new float[_half];
    }

    /// <summary>Writes |X[k]|^2 of <paramref name="frame"/> (length n) into <paramref name="power"/> (length n/2 + 1).</summary>
    public void SquaredMagnitudes(ReadOnlySpan<float> frame, Span<float> power)
    {
        for (int j = 0; j < _half; j++)
        {
            _re[j] = frame[2 * j];
            _im[j] = frame[2 * j + 1];
        }
        _fft.Transform(_re, _im);
        Split(power);
    }

    // Z = E + i O with E, O the DFTs of the even and odd samples, so E[k] = (Z[k] + conj Z[h-k]) / 2,
    // O[k] = (Z[k] - conj Z[h-k]) / 2i, and X[k] = E[k] + e^{-2 pi i k / n} O[k] for k = 0 .. h.
    private void Split(Span<float> power)
    {
        var re = _re;
        var im = _im;
        for (int k = 0; k <= _half; k++)
        {
            int p = k == _half ? 0 : k, q = k == 0 ? 0 : _half - k;
            float zr = re[p], zi = im[p], cr = re[q], ci = -im[q];
            float er = 0.5f * (zr + cr), ei = 0.5f * (zi + ci);
            float or = 0.5f * (zi - ci), oi = -0.5f * (zr - cr);
            float xr = er + _splitRe[k] * or - _splitIm[k] * oi;
            float xi = ei + _splitRe[k] * oi + _splitIm[k] * or;
            power[k] = xr * xr + xi * xi;
        }
    }
}
