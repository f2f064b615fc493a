namespace CompactConv.Models;

/// <summary>
/// Sizes of <see cref="Crnn"/>. The defaults follow the DCASE task 4 baseline CRNN's shape (conv
/// blocks that pool only frequency, down to one band, then a bidirectional GRU of 64 units a
/// direction) with three blocks instead of seven, so that a run on about 1,000 ten-second clips of
/// 64 x 431 log-mel trains in minutes an epoch on two CPU cores (about 0.8 G MACs a clip, two
/// thirds of them in the second block; see docs/complexity.md).
/// </summary>
public sealed record CrnnOptions
{
    /// <summary>The defaults (three blocks of 64, 128, 128 channels, pools 4 and 4, GRU 64, dropout 0.3, no attention head).</summary>
    public static CrnnOptions Default { get; } = new();

    /// <summary>Output channels of each conv block before the width multiplier.</summary>
    public IReadOnlyList<int> Channels { get; init; } = [64, 128, 128];

    /// <summary>
    /// Frequency pooling factor after each block but the last (one fewer entry than <see cref="Channels"/>);
    /// a factor larger than the bands left is cut to them. The last block always pools every band left,
    /// so any mel count ends as one band.
    /// </summary>
    public IReadOnlyList<int> FrequencyPools { get; init; } = [4, 4];

    /// <summary>Square kernel of every conv block.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Hidden units of each GRU direction (not scaled by the width multiplier, which scales channels).</summary>
    public int GruHidden { get; init; } = 64;

    /// <summary>Dropout after each conv block and after the GRU.</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>Adds the attention pooling head that turns frame outputs into clip probabilities (weak labels).</summary>
    public bool AttentionHead { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        if (Channels.Count < 1) throw new ArgumentException("crnn: at least one conv block is needed");
        if (Channels.Any(c => c < 1)) throw new ArgumentException($"crnn: channels must be positive, got [{string.Join(", ", Channels)}]");
        if (FrequencyPools.Count != Channels.Count - 1)
        {
            throw new ArgumentException($"crnn: {Channels.Count} blocks need {Channels.Count - 1} frequency pools, got {FrequencyPools.Count}");
        }
        if (FrequencyPools.Any(p => p < 1)) throw new ArgumentException($"crnn: frequency pools must be positive, got [{string.Join(", ", FrequencyPools)}]");
        if (KernelSize < 1 || KernelSize % 2 == 0) throw new ArgumentException($"crnn: kernel size must be odd and positive, got {KernelSize}");
        if (GruHidden < 1) throw new ArgumentException($"crnn: GRU hidden size must be positive, got {GruHidden}");
        if (Dropout < 0 || Dropout >= 1) throw new ArgumentException($"crnn: dropout must be in [0, 1), got {Dropout}");
    }
}
