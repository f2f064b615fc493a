namespace CompactConv.Onnx;

/// <summary>
/// (x - mean) / std along one input axis, written at the start of the exported graph so that callers
/// feed raw values (pixel/255, un-normalised log-mel) and cannot forget or repeat the statistics.
/// </summary>
public sealed record InputNormalization
{
    /// <summary>Creates the normalisation; throws when the lists differ in length, are empty, or a std is not positive.</summary>
    public InputNormalization(IReadOnlyList<float> mean, IReadOnlyList<float> std, int axis)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
            throw new ArgumentException($"input normalisation: {mean.Count} means and {std.Count} deviations (need the same positive count)");
        if (std.Any(s => !(s > 0))) throw new ArgumentException("input normalisation: every standard deviation must be positive");
        if (axis < 1) throw new ArgumentException($"input normalisation: axis must be at least 1 (0 is the batch), got {axis}");
        Mean = mean.ToArray();
        Std = std.ToArray();
        Axis = axis;
    }

    /// <summary>Per-index means.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Per-index standard deviations.</summary>
    public IReadOnlyList<float> Std { get; }

    /// <summary>The input axis the statistics run along: 1 for image channels, 2 for mel bands.</summary>
    public int Axis { get; }

    /// <summary>Image statistics, one per channel of [N, C, H, W].</summary>
    public static InputNormalization PerChannel(IReadOnlyList<float> mean, IReadOnlyList<float> std) => new(mean, std, 1);

    /// <summary>Log-mel statistics, one per band of [N, 1, mels, frames].</summary>
    public static InputNormalization PerBand(IReadOnlyList<float> mean, IReadOnlyList<float> std) => new(mean, std, 2);
}
