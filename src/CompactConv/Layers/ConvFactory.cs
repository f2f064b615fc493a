using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// The one place that turns a <see cref="ConvKind"/> into a module, in the manner of timm's
/// <c>create_conv2d</c>: every model builds its spatial convolutions here, so a new kind is added
/// in one place and any model switches kinds with one option. Every kind returns a block that
/// includes its normalisation and activation (see <see cref="ConvOptions"/>), maps
/// [N, in, H, W] to [N, out, H', W'], and has the same output size for the same geometry.
/// </summary>
public static class ConvFactory
{
    /// <summary>Builds a conv block of <paramref name="kind"/>. Padding defaults to "same" for odd kernels.</summary>
    public static nn.Module<Tensor, Tensor> Create(ConvKind kind, long inChannels, long outChannels, long kernelSize = 3,
        long stride = 1, long? padding = null, long dilation = 1, ConvOptions? options = null)
    {
        if (inChannels < 1) throw new ArgumentException($"conv: in_channels must be positive, got {inChannels}");
        if (outChannels < 1) throw new ArgumentException($"conv: out_channels must be positive, got {outChannels}");
        if (kernelSize < 1) throw new ArgumentException($"conv: kernel size must be positive, got {kernelSize}");
        if (stride < 1) throw new ArgumentException($"conv: stride must be positive, got {stride}");
        options ??= ConvOptions.Default;
        return kind switch
        {
            ConvKind.Standard => new ConvNormAct(inChannels, outChannels, kernelSize, stride, padding, dilation,
                norm: options.NormAtOutput, activation: options.OutputActivation),
            ConvKind.Separable => new SeparableConv2d(inChannels, outChannels, kernelSize, stride, padding, dilation, options),
            ConvKind.Compact => new CompactConv2d(inChannels, outChannels, kernelSize, stride, padding, dilation, options),
            ConvKind.Squeeze => new SqueezeConv2d(inChannels, outChannels, kernelSize, stride, padding, dilation, options),
            ConvKind.Shuffle => new ShuffleConv2d(inChannels, outChannels, kernelSize, stride, padding, dilation, options),
            ConvKind.Ghost => new GhostConv2d(inChannels, outChannels, kernelSize, stride, padding, dilation, options),
            _ => throw new ArgumentException($"unknown conv kind {(int)kind}"),
        };
    }
}
