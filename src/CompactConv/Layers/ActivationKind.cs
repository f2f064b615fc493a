using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>Activations a conv block can end with.</summary>
public enum ActivationKind
{
    /// <summary>No activation (identity), e.g. before a residual addition.</summary>
    None,
    /// <summary>max(0, x).</summary>
    ReLU,
    /// <summary>min(max(0, x), 6), as in MobileNetV2.</summary>
    ReLU6,
    /// <summary>x * sigmoid(x).</summary>
    SiLU,
}

/// <summary>Builds activation modules.</summary>
public static class Activations
{
    /// <summary>
    /// A module for <paramref name="kind"/>; <see cref="ActivationKind.None"/> gives an identity.
    /// Activations work in place: in every block they follow a BatchNorm, a convolution or a pool,
    /// none of which needs its output for the backward pass, and it saves one buffer per block.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(ActivationKind kind) => kind switch
    {
        ActivationKind.None => nn.Identity(),
        ActivationKind.ReLU => nn.ReLU(inplace: true),
        ActivationKind.ReLU6 => nn.ReLU6(inplace: true),
        ActivationKind.SiLU => nn.SiLU(inplace: true),
        _ => throw new ArgumentException($"unknown activation {kind}"),
    };
}
