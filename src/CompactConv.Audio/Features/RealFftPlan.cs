using System.Numerics;

namespace CompactConv.Audio.Features;

/// <summary>
/// Squared magnitudes |X[k]|^2, k = 0 .. n/2, of the DFT of a real frame whose length n is a power
/// of two (at least 4). The frame is packed into a complex sequence of n/2 points (even samples
/// real, odd samples imaginary), transformed by an iterative radix-2 FFT whose wide stages run on
/// SIMD vectors, and the two interleaved half-spectra are separated at the end.
/// </summary>
/// <remarks>
/// Written here because the one FFT already referenced, NWaves' RealFft, took 31 us per 2048-point
/// frame on the development machine, about 90 % of the whole log-mel time and twice libtorch's
/// extraction time; see docs/audio-features.md. Holds scratch buffers: one instance per thread.
/// </remarks>
internal sealed class RealFftPlan
{
    private readonly int _half;          // complex points, n / 2
    private readonly int[] _bitReversed; // load order of the packed points
    private readonly float[] _stageRe;   // twiddles of the stage with span s at [s .. 2s): e^{-i pi k / s}
    private readonly float[] _stageIm;
    private readonly float[] _splitRe;   // e^{-2 pi i k / n}, k = 0 .. n/2
    private readonly float[] _splitIm;
    private readonly float[] _re;
    private readonly float[] _im;

    public RealFftPlan(int size)
    {
        if (size < 4 || !BitOperations.IsPow2(size)) throw new ArgumentException($"the FFT length must be a power of two of at least 4, got {size}");
        _half = size / 2;
        int bits = BitOperations.Log2((uint)_half);
        _bitReversed = new int[_half];
        for (int j = 0; j < _half; j++)
            _bitReversed[j] = bits == 0 ? 0 : (int)(ReverseBits((uint)j) >> (32 - bits));
        _stageRe = new float[_half];
        _stageIm = new float[_half];
        for (int span = 1; span < _half; span *= 2)
        {
            for (int k = 0; k < span; k++)
            {
                _stageRe[span + k] = (float)Math.Cos(Math.PI * k / span);
                _stageIm[span + k] = (float)-Math.Sin(Math.PI * k / span);
            }
        }
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
        var re = _re;
        var im = _im;
        for (int j = 0; j < _half; j++)
        {
            int source = 2 * _bitReversed[j];
            re[j] = frame[source];
            im[j] = frame[source + 1];
        }
        int first = FirstStages();
        for (int span = first; span < _half; span *= 2)
        {
            if (span >= Vector<float>.Count) VectorStage(span);
            else ScalarStage(span);
        }
        Split(power);
    }

    // The stages of span 1 and 2 in one pass: their twiddles are 1 and -i, so they need no
    // multiplication. Returns the span the general stages start from.
    private int FirstStages()
    {
        var re = _re;
        var im = _im;
        if (_half == 2)
        {
            (re[0], re[1]) = (re[0] + re[1], re[0] - re[1]);
            (im[0], im[1]) = (im[0] + im[1], im[0] - im[1]);
            return 2;
        }
        for (int a = 0; a + 3 < re.Length; a += 4)
        {
            float r0 = re[a] + re[a + 1], i0 = im[a] + im[a + 1];
            float r1 = re[a] - re[a + 1], i1 = im[a] - im[a + 1];
            float r2 = re[a + 2] + re[a + 3], i2 = im[a + 2] + im[a + 3];
            float r3 = re[a + 2] - re[a + 3], i3 = im[a + 2] - im[a + 3];
            // Span 2: z[a] +- z[a + 2], and z[a + 1] +- (-i) z[a + 3].
            re[a] = r0 + r2; im[a] = i0 + i2;
            re[a + 2] = r0 - r2; im[a + 2] = i0 - i2;
            re[a + 1] = r1 + i3; im[a + 1] = i1 - r3;
            re[a + 3] = r1 - i3; im[a + 3] = i1 + r3;
        }
        return 4;
    }

    private void ScalarStage(int span)
    {
        var re = _re;
        var im = _im;
        for (int start = 0; start < _half; start += 2 * span)
        {
            for (int k = 0; k < span; k++)
            {
                int a = start + k, b = a + span;
                float wr = _stageRe[span + k], wi = _stageIm[span + k];
                float tr = wr * re[b] - wi * im[b];
                float ti = wr * im[b] + wi * re[b];
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }
    }

    private void VectorStage(int span)
    {
        var re = _re;
        var im = _im;
        int width = Vector<float>.Count;
        for (int start = 0; start < _half; start += 2 * span)
        {
            for (int k = 0; k < span; k += width)
            {
                int a = start + k, b = a + span;
                var wr = new Vector<float>(_stageRe, span + k);
                var wi = new Vector<float>(_stageIm, span + k);
                var br = new Vector<float>(re, b);
                var bi = new Vector<float>(im, b);
                var ar = new Vector<float>(re, a);
                var ai = new Vector<float>(im, a);
                var tr = wr * br - wi * bi;
                var ti = wr * bi + wi * br;
                (ar - tr).CopyTo(re, b);
                (ai - ti).CopyTo(im, b);
                (ar + tr).CopyTo(re, a);
                (ai + ti).CopyTo(im, a);
            }
        }
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

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
