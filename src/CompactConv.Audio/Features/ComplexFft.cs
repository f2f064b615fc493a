using System.Numerics;

namespace CompactConv.Audio.Features;

/// <summary>
/// In-place complex FFT of a power-of-two length (at least 2) on split real and imaginary arrays:
/// bit-reversal permutation, then radix-2 stages; the first two stages (twiddles 1 and -i) are one
/// multiplication-free pass and stages of span 8 and more run on <see cref="Vector{T}"/>. Written
/// here because NWaves' FFT, the one referenced, is too slow for the log-mel front end (see
/// docs/audio-features.md). Stateless after construction, so one instance may serve several threads.
/// </summary>
internal sealed class ComplexFft
{
    private readonly int _size;
    private readonly int[] _bitReversed;
    private readonly float[] _stageRe;   // twiddles of the stage with span s at [s .. 2s): e^{-i pi k / s}
    private readonly float[] _stageIm;

    public ComplexFft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size)) throw new ArgumentException($"the complex FFT length must be a power of two of at least 2, got {size}");
        _size = size;
        int bits = BitOperations.Log2((uint)size);
        _bitReversed = new int[size];
        for (int j = 0; j < size; j++) _bitReversed[j] = (int)(ReverseBits((uint)j) >> (32 - bits));
        _stageRe = new float[size];
        _stageIm = new float[size];
        for (int span = 1; span < size; span *= 2)
        {
            for (int k = 0; k < span; k++)
            {
                _stageRe[span + k] = (float)Math.Cos(Math.PI * k / span);
                _stageIm[span + k] = (float)-Math.Sin(Math.PI * k / span);
            }
        }
    }

    /// <summary>The transform length.</summary>
    public int Size => _size;

    /// <summary>Replaces (re, im), each of length <see cref="Size"/>, by its DFT, X[k] = sum z[j] e^{-2 pi i jk / n}.</summary>
    public void Transform(float[] re, float[] im)
    {
        for (int j = 0; j < _size; j++)
        {
            int r = _bitReversed[j];
            if (r > j)
            {
                (re[j], re[r]) = (re[r], re[j]);
                (im[j], im[r]) = (im[r], im[j]);
            }
        }
        int first = FirstStages(re, im);
        for (int span = first; span < _size; span *= 2)
        {
            if (span >= Vector<float>.Count) VectorStage(span, re, im);
            else ScalarStage(span, re, im);
        }
    }

    // The stages of span 1 and 2 in one pass: their twiddles are 1 and -i, so they need no
    // multiplication. Returns the span the general stages start from.
    private int FirstStages(float[] re, float[] im)
    {
        if (_size == 2)
        {
            (re[0], re[1]) = (re[0] + re[1], re[0] - re[1]);
            (im[0], im[1]) = (im[0] + im[1], im[0] - im[1]);
            return 2;
        }
        for (int a = 0; a + 3 < _size; a += 4)
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

    private void ScalarStage(int span, float[] re, float[] im)
    {
        for (int start = 0; start < _size; start += 2 * span)
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

    private void VectorStage(int span, float[] re, float[] im)
    {
        int width = Vector<float>.Count;
        for (int start = 0; start < _size; start += 2 * span)
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

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
