using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// MobileNetV2's inverted residual block (Sandler et al. 2018): a 1x1 expansion C -> tC with
/// BatchNorm and ReLU6 (left out when t = 1), then the block's spatial part tC -> O from
/// <see cref="ConvFactory"/> with a linear output (BatchNorm, no activation: the linear bottleneck),
/// and the input added back when the stride is 1 and C = O.
/// </summary>
/// <remarks>
/// In the paper the spatial part is a depth-wise 3x3 with BatchNorm and ReLU6 followed by the 1x1
/// projection with BatchNorm: exactly the factory's <see cref="ConvKind.Separable"/> block, so
/// that kind rebuilds MobileNetV2 itself and every other kind replaces depth-wise + projection as a
/// whole (compact pools the tC expanded maps to tC/r before the projection). See docs/architecture.md.
/// </remarks>
public sealed class InvertedResidual : ResidualBlock
{
    /// <summary>Channels after the expansion (tC), which the spatial part works on.</summary>
    public long HiddenChannels { get; }

    /// <summary>Builds a block of <paramref name="kind"/>; <paramref name="options"/> supply the activation (ReLU6 in MobileNetV2).</summary>
    public InvertedResidual(ConvKind kind, long inChannels, long outChannels, long stride, int expansion, ConvOptions options)
        : base(nameof(InvertedResidual), Branch(kind, inChannels, outChannels, stride, expansion, options),
            addShortcut: stride == 1 && inChannels == outChannels, shortcut: null, ActivationKind.None)
    {
        HiddenChannels = inChannels * expansion;
    }

    private static nn.Module<Tensor, Tensor> Branch(ConvKind kind, long inChannels, long outChannels, long stride, int expansion,
        ConvOptions options)
    {
        if (expansion < 1) throw new ArgumentException($"InvertedResidual: expansion must be at least 1, got {expansion}");
        long hidden = inChannels * expansion;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (expansion > 1) layers.Add(("expand", new ConvNormAct(inChannels, hidden, 1, activation: options.Activation)));
        layers.Add(("spatial", ConvFactory.Create(kind, hidden, outChannels, 3, stride,
            options: options with { OutputActivation = ActivationKind.None })));
        return nn.Sequential(layers);
    }
}
