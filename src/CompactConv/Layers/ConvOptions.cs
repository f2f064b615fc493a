namespace CompactConv.Layers;

/// <summary>
/// Everything about a conv block beyond its (in, out, kernel, stride, padding, dilation) shape.
/// One record serves every <see cref="ConvKind"/>; each kind reads the fields that concern it.
/// </summary>
public sealed record ConvOptions
{
    /// <summary>Defaults: r = 2, max pooling over adjacent channels, BN + ReLU after the depth-wise and the final conv.</summary>
    public static ConvOptions Default { get; } = new();

    /// <summary>Channel group size of <see cref="ConvKind.Compact"/> and squeeze ratio of <see cref="ConvKind.Squeeze"/>.</summary>
    public int R { get; init; } = 2;

    /// <summary>Interchannel operation of <see cref="ConvKind.Compact"/>.</summary>
    public ChannelPoolOp Op { get; init; } = ChannelPoolOp.Max;

    /// <summary>Channel grouping of <see cref="ConvKind.Compact"/>.</summary>
    public ChannelGrouping Grouping { get; init; } = ChannelGrouping.Adjacent;

    /// <summary>BatchNorm after the depth-wise convolution (separable, compact, squeeze, shuffle).</summary>
    public bool NormAfterDepthwise { get; init; } = true;

    /// <summary>Activation after the depth-wise convolution (separable, compact, squeeze). ShuffleNet never activates there.</summary>
    public bool ActivateAfterDepthwise { get; init; } = true;

    /// <summary>BatchNorm after the block's last convolution. Without it that convolution gets a bias.</summary>
    public bool NormAtOutput { get; init; } = true;

    /// <summary>Activation inside the block (after the depth-wise or first convolution).</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.ReLU;

    /// <summary>Activation at the block's output; <see cref="ActivationKind.None"/> for the last conv of a residual branch.</summary>
    public ActivationKind OutputActivation { get; init; } = ActivationKind.ReLU;

    /// <summary>Upper bound on the groups of <see cref="ConvKind.Shuffle"/>'s 1x1 convolutions (the largest divisor of gcd(in, out) not above it is used).</summary>
    public int ShuffleGroups { get; init; } = 4;

    /// <summary>GhostNet's s: the primary convolution makes ceil(out/s) maps, cheap operations the rest.</summary>
    public int GhostRatio { get; init; } = 2;

    /// <summary>Kernel of GhostNet's cheap depth-wise operation.</summary>
    public int GhostCheapKernel { get; init; } = 3;
}
