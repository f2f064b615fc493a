using System.Numerics;
using System.Runtime.Intrinsics;

namespace CompactConv.Audio;

/// <summary>
/// Band-limited sample-rate conversion for any pair of integer rates: each output sample is a
/// Kaiser-windowed-sinc interpolation of the input at its exact instant, with the cutoff lowered to
/// the output's Nyquist frequency when downsampling so that nothing aliases.
/// </summary>
/// <remarks>
/// Written here instead of using NWaves' Resampler.Resample because, measured on NWaves 0.9.6,
/// its downsampling path runs a 101-tap anti-aliasing filter without compensating that filter's
/// delay (the output lags by 50 input samples, about 1.1 ms at 44.1 kHz, which shifts event
/// onsets), truncates the output length, and evaluates the window and sinc for every tap of
/// every output sample (about 5x real time for 48 to 44.1 kHz). Here the weights for the
/// <c>up</c> distinct output phases of the reduced ratio <c>up/down</c> are computed once (a
/// polyphase table) and each output sample is one dot product. Output sample n sits exactly at
/// input instant n * fromRate / toRate; the signal is taken as zero outside the input.
/// </remarks>
public static class Resampler
{
    // Above this many phases (ratios of nearly equal, coprime rates such as 44100 to 44099) a
    // table would cost more to build than it saves; weights are then computed per output sample.
    private const int MaxTablePhases = 4096;

    /// <summary>
    /// Resamples <paramref name="samples"/> from <paramref name="fromRate"/> to
    /// <paramref name="toRate"/> Hz into a new array of <see cref="OutputLength"/> samples (a copy
    /// when the rates are equal).
    /// </summary>
    public static float[] Resample(float[] samples, int fromRate, int toRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate)
            return (float[])samples.Clone();
        long length = OutputLength(samples.Length, fromRate, toRate);
        if (length > Array.MaxLength)
            throw new ArgumentException($"{samples.Length} samples at {fromRate} Hz give {length} at {toRate} Hz, more than one array holds", nameof(samples));
        var output = new float[length];
        if (length == 0)
            return output;

        int divisor = (int)BigInteger.GreatestCommonDivisor(fromRate, toRate);
        int up = toRate / divisor, down = fromRate / divisor;
        var kernel = new ResamplingKernel(fromRate, toRate);
        // Taps j = -(reach-1) .. reach around the input sample at or before the output instant
        // cover every input sample closer than the kernel's half-width.
        int reach = (int)Math.Ceiling(kernel.HalfWidth);
        int taps = 2 * reach;
        float[]? table = up <= MaxTablePhases ? BuildTable(kernel, up, reach) : null;
        var scratch = table is null ? new float[taps] : null;

        for (int n = 0; n < output.Length; n++)
        {
            long position = (long)n * down;
            long anchor = position / up;
            int phase = (int)(position % up);
            ReadOnlySpan<float> weights;
            if (table is not null)
                weights = table.AsSpan(phase * taps, taps);
            else
            {
                FillWeights(kernel, (double)phase / up, reach, scratch!);
                weights = scratch;
            }
            long first = anchor - (reach - 1);
            output[n] = first >= 0 && first + taps <= samples.Length
                ? Dot(samples.AsSpan((int)first, taps), weights)
                : EdgeDot(samples, first, weights);
        }
        return output;
    }

    /// <summary>
    /// The number of samples <see cref="Resample"/> returns: <paramref name="inputLength"/> *
    /// <paramref name="toRate"/> / <paramref name="fromRate"/> rounded to the nearest integer, halves
    /// rounded up, computed exactly in integers (so never off by one from floating-point error).
    /// </summary>
    public static long OutputLength(long inputLength, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        return (long)((2 * (Int128)inputLength * toRate + fromRate) / (2 * (Int128)fromRate));
    }

    private static float[] BuildTable(ResamplingKernel kernel, int up, int reach)
    {
        int taps = 2 * reach;
        var table = new float[up * taps];
        for (int phase = 0; phase < up; phase++)
            FillWeights(kernel, (double)phase / up, reach, table.AsSpan(phase * taps, taps));
        return table;
    }

    // fraction: how far past its anchor input sample the output instant lies (0 <= fraction < 1).
    private static void FillWeights(ResamplingKernel kernel, double fraction, int reach, Span<float> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            int offset = i - (reach - 1);
            weights[i] = (float)kernel.Weight(fraction - offset);
        }
    }

    // Fixed 128-bit vectors rather than Vector<T>: the summation order, and so the last bits of
    // every output sample, must not depend on the machine's vector width (soundscape synthesis
    // promises identical bytes for identical input).
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector128<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            sum += Vector128.Create(a.Slice(i, Vector128<float>.Count)) * Vector128.Create(b.Slice(i, Vector128<float>.Count));
        float total = Vector128.Sum(sum);
        for (; i < a.Length; i++)
            total += a[i] * b[i];
        return total;
    }

    private static float EdgeDot(float[] samples, long first, ReadOnlySpan<float> weights)
    {
        float total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            long k = first + i;
            if (k >= 0 && k < samples.Length)
                total += samples[k] * weights[i];
        }
        return total;
    }
}
