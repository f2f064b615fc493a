using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// The basic block of the CIFAR ResNets (He et al. 2016): two 3x3 convolutions from
/// <see cref="ConvFactory"/>, the first with its BatchNorm and ReLU, the second with its BatchNorm
/// only (<see cref="ConvOptions.OutputActivation"/> = None), then the shortcut is added and ReLU
/// applied to the sum.
/// </summary>
/// <remarks>
/// When the block changes the shape (stride 2 or other channels) the shortcut is a 1x1 convolution
/// with BatchNorm (the paper's option B, the torchvision choice) rather than option A's
/// zero-padded identity; it costs in·out + 2·out parameters per stage transition, which any conv
/// kind leaves standard since a 1x1 projection has nothing spatial to factor.
/// </remarks>
public sealed class BasicBlock : ResidualBlock
{
    /// <summary>Builds a block of <paramref name="kind"/> mapping <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    public BasicBlock(ConvKind kind, long inChannels, long outChannels, long stride, ConvOptions options)
        : base(nameof(BasicBlock), Branch(kind, inChannels, outChannels, stride, options), addShortcut: true,
            stride == 1 && inChannels == outChannels ? null : Projection(inChannels, outChannels, stride), options.OutputActivation)
    {
    }

    private static nn.Module<Tensor, Tensor> Branch(ConvKind kind, long inChannels, long outChannels, long stride, ConvOptions options) =>
        nn.Sequential(
            ("conv1", ConvFactory.Create(kind, inChannels, outChannels, 3, stride, options: options)),
            ("conv2", ConvFactory.Create(kind, outChannels, outChannels, 3, options: options with { OutputActivation = ActivationKind.None })));

    private static ConvNormAct Projection(long inChannels, long outChannels, long stride) =>
        new(inChannels, outChannels, 1, stride, activation: ActivationKind.None);
}
