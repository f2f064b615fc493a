using System.Numerics;

namespace CompactConv.Audio.Features;

/// <summary>
/// |X[k]|^power of one real frame for k = 0 .. n/2. Power-of-two lengths go through
/// <see cref="RealFftPlan"/>; other lengths through a direct DFT with an exact twiddle table
/// (O(n^2), so meant for the rare n_fft that is not a power of two, not for speed). Holds scratch
/// buffers: one instance per thread.
/// </summary>
internal sealed class PowerSpectrum
{
    private readonly int _size;
    private readonly double _power;
    private readonly RealFftPlan? _fft;
    private readonly double[]? _cos;
    private readonly double[]? _sin;

    public PowerSpectrum(int size, double power)
    {
        _size = size;
        _power = power;
        if (BitOperations.IsPow2(size) && size >= 4)
        {
            _fft = new RealFftPlan(size);
        }
        else
        {
            _cos = new double[size];
            _sin = new double[size];
            for (int i = 0; i < size; i++)
            {
                _cos[i] = Math.Cos(2 * Math.PI * i / size);
                _sin[i] = Math.Sin(2 * Math.PI * i / size);
            }
        }
    }

    /// <summary>Writes |X[k]|^power of <paramref name="frame"/> (length n) into <paramref name="output"/> (length n/2 + 1).</summary>
    public void Compute(float[] frame, Span<float> output)
    {
        if (_fft is not null) _fft.SquaredMagnitudes(frame, output);
        else SquaredMagnitudesByDft(frame, output);
        // From |X|^2 for any power: the square is formed in float32 either way, as torch's power 2 path does.
        if (_power != 2.0)
        {
            for (int k = 0; k < output.Length; k++) output[k] = (float)Math.Pow(output[k], _power / 2);
        }
    }

    private void SquaredMagnitudesByDft(float[] frame, Span<float> output)
    {
        for (int k = 0; k < output.Length; k++)
        {
            double re = 0, im = 0;
            for (int i = 0; i < _size; i++)
            {
                int phase = (int)((long)k * i % _size);
                re += frame[i] * _cos![phase];
                im -= frame[i] * _sin![phase];
            }
            float r = (float)re, j = (float)im;
            output[k] = r * r + j * j;
        }
    }
}
