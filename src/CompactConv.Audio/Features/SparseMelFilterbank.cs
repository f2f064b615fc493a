namespace CompactConv.Audio.Features;

/// <summary>
/// The mel filterbank of <see cref="MelFilterbank.Create"/> stored by its nonzero span: each
/// triangle touches only the bins between its outer edges, so applying the bank costs about two
/// multiply-adds per bin instead of NMels per bin.
/// </summary>
internal sealed class SparseMelFilterbank
{
    private readonly int[] _firstBin;
    private readonly float[][] _weights;

    public SparseMelFilterbank(LogMelOptions options)
    {
        var dense = MelFilterbank.Create(options);
        int mels = dense.GetLength(0), bins = dense.GetLength(1);
        _firstBin = new int[mels];
        _weights = new float[mels][];
        for (int m = 0; m < mels; m++)
        {
            int first = 0, last = -1;
            while (first < bins && dense[m, first] == 0) first++;
            for (int k = bins - 1; k >= first; k--)
            {
                if (dense[m, k] != 0) { last = k; break; }
            }
            // An empty filter (too many bands for the resolution) keeps no weights and gives 0, as the dense product does.
            var weights = new float[Math.Max(0, last - first + 1)];
            for (int k = 0; k < weights.Length; k++) weights[k] = dense[m, first + k];
            _firstBin[m] = Math.Min(first, bins);
            _weights[m] = weights;
        }
    }

    /// <summary>Number of mel bands.</summary>
    public int Bands => _weights.Length;

    /// <summary>The weighted sum of <paramref name="power"/> over band <paramref name="band"/>'s bins, accumulated in double.</summary>
    public double Apply(int band, ReadOnlySpan<float> power)
    {
        var weights = _weights[band];
        var bins = power.Slice(_firstBin[band], weights.Length);
        double sum = 0;
        for (int k = 0; k < weights.Length; k++) sum += weights[k] * bins[k];
        return sum;
    }
}
