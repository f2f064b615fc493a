using System.Numerics;

namespace CompactConv.Audio.Features;

/// <summary>
/// Squared magnitudes |X[k]|^2, k = 0 .. n/2, of the DFT of a real frame of any length n, by
/// Bluestein's chirp-z identity: with w[j] = e^{i pi j^2 / n}, X[k] = conj(w[k]) sum_j (x[j] conj(w[j])) w[k - j],
/// a convolution done with <see cref="ComplexFft"/> of a power of two m >= 2n - 1. So an n_fft that
/// is not a power of two (e.g. 1764, 40 ms at 44.1 kHz) costs a few FFTs of m points per frame
/// instead of the n^2 of a direct DFT. Holds scratch buffers: one instance per thread.
/// </summary>
internal sealed class BluesteinDft
{
    private readonly int _size;
    private readonly ComplexFft _fft;
    private readonly float[] _chirpRe;   // conj(w[j]) = e^{-i pi j^2 / n}, j = 0 .. n-1
    private readonly float[] _chirpIm;
    private readonly float[] _kernelRe;  // FFT of w[j] laid out circularly over m points, divided by m
    private readonly float[] _kernelIm;
    private readonly float[] _re;
    private readonly float[] _im;

    public BluesteinDft(int size)
    {
        if (size < 1) throw new ArgumentException($"the DFT length must be at least 1, got {size}");
        _size = size;
        int m = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * size - 1));
        _fft = new ComplexFft(m);
        _chirpRe = new float[size];
        _chirpIm = new float[size];
        _kernelRe = new float[m];
        _kernelIm = new float[m];
        for (int j = 0; j < size; j++)
        {
            // j^2 mod 2n keeps the angle small, so the double-precision chirp stays exact for long frames.
            double angle = Math.PI * ((long)j * j % (2L * size)) / size;
            _chirpRe[j] = (float)Math.Cos(angle);
            _chirpIm[j] = (float)-Math.Sin(angle);
            _kernelRe[j] = (float)Math.Cos(angle);
            _kernelIm[j] = (float)Math.Sin(angle);
            if (j > 0)
            {
                _kernelRe[m - j] = _kernelRe[j];
                _kernelIm[m - j] = _kernelIm[j];
            }
        }
        _fft.Transform(_kernelRe, _kernelIm);
        for (int i = 0; i < m; i++)
        {
            _kernelRe[i] /= m;
            _kernelIm[i] /= m;
        }
        _re = new float[m];
        _im = new float[m];
    }

    /// <summary>Writes |X[k]|^2 of <paramref name="frame"/> (length n) into <paramref name="power"/> (length n/2 + 1).</summary>
    public void SquaredMagnitudes(ReadOnlySpan<float> frame, Span<float> power)
    {
        var re = _re;
        var im = _im;
        Array.Clear(re);
        Array.Clear(im);
        for (int j = 0; j < _size; j++)
        {
            re[j] = frame[j] * _chirpRe[j];
            im[j] = frame[j] * _chirpIm[j];
        }
        _fft.Transform(re, im);
        // Multiply by the kernel's spectrum and conjugate, so that a forward FFT does the inverse one.
        for (int i = 0; i < re.Length; i++)
        {
            float r = re[i] * _kernelRe[i] - im[i] * _kernelIm[i];
            float q = re[i] * _kernelIm[i] + im[i] * _kernelRe[i];
            re[i] = r;
            im[i] = -q;
        }
        _fft.Transform(re, im);
        // The convolution is conj(re, im); |conj(w[k]) c[k]|^2 = |c[k]|^2 since |w[k]| = 1.
        for (int k = 0; k < power.Length; k++) power[k] = re[k] * re[k] + im[k] * im[k];
    }
}
