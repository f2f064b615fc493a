using System.Numerics;

namespace CompactConv.Audio.Features;

/// <summary>
/// |X[k]|^power of one real frame for k = 0 .. n/2: power-of-two lengths (from 4) through
/// <see cref="RealFftPlan"/>, any other through <see cref="BluesteinDft"/>. Holds scratch buffers:
/// one instance per thread.
/// </summary>
internal sealed class PowerSpectrum
{
    private readonly double _power;
    private readonly RealFftPlan? _fft;
    private readonly BluesteinDft? _bluestein;

    public PowerSpectrum(int size, double power)
    {
        _power = power;
        if (BitOperations.IsPow2(size) && size >= 4) _fft = new RealFftPlan(size);
        else _bluestein = new BluesteinDft(size);
    }

    /// <summary>Writes |X[k]|^power of <paramref name="frame"/> (length n) into <paramref name="output"/> (length n/2 + 1).</summary>
    public void Compute(float[] frame, Span<float> output)
    {
        if (_fft is not null) _fft.SquaredMagnitudes(frame, output);
        else _bluestein!.SquaredMagnitudes(frame, output);
        // From |X|^2 for any power: the square is formed in float32 either way, as torch's power 2 path does.
        if (_power != 2.0)
        {
            for (int k = 0; k < output.Length; k++) output[k] = (float)Math.Pow(output[k], _power / 2);
        }
    }
}
