using CompactConv.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Complexity;

/// <summary>
/// The counting conventions of <see cref="ModelCost"/>, per module type, from the shapes of one call
/// (both shapes include the batch dimension, which is 1 during measurement).
/// </summary>
/// <remarks>
/// Only convolutions and linear layers count as multiply-accumulates, because those are what the
/// paper's cost formulas compare; everything cheaper goes to the separate Ops column so it stays visible
/// without blurring the headline number.
/// </remarks>
internal static class LayerCostRules
{
    /// <summary>The cost of one call of <paramref name="module"/>.</summary>
    public static CallCost Of(nn.Module module, long[] inputShape, long[] outputShape)
    {
        long inElements = Elements(inputShape);
        long outElements = Elements(outputShape);
        switch (module)
        {
            case Convolution conv:
            {
                long kernel = Product(conv.kernel_size);
                // A transposed convolution scatters each input element into out/groups channels,
                // so its work follows the input, not the output.
                long macs = conv.transposed
                    ? inElements * (conv.out_channels / conv.groups) * kernel
                    : outElements * (conv.in_channels / conv.groups) * kernel;
                return new CallCost(macs, conv.bias is null ? 0 : outElements, true, true);
            }
            case Linear linear:
                return new CallCost(outElements * linear.in_features, linear.bias is null ? 0 : outElements, true, true);
            case GRU gru:
                return Recurrent(gru, outputShape);
            case BatchNorm:
                // In evaluation the running statistics fold into one scale and one shift per channel.
                return new CallCost(0, 2 * outElements, true, true);
            case ChannelPool pool:
                // r = 1 returns an alias of the input; otherwise each input element is read once by the reduction.
                return pool.R == 1 ? CallCost.PassThrough : new CallCost(0, inElements, true, true);
            case MaxPool1d p: return Windowed(outElements, [p.kernel_size]);
            case MaxPool2d p: return Windowed(outElements, p.kernel_size);
            case MaxPool3d p: return Windowed(outElements, p.kernel_size);
            case AvgPool1d p: return Windowed(outElements, [p.kernel_size]);
            case AvgPool2d p: return Windowed(outElements, p.kernel_size);
            case AvgPool3d p: return Windowed(outElements, p.kernel_size);
            case AdaptiveAvgPool1d or AdaptiveAvgPool2d or AdaptiveAvgPool3d
                or AdaptiveMaxPool1d or AdaptiveMaxPool2d or AdaptiveMaxPool3d:
                // Adaptive windows tile the input, so every input element is visited about once.
                return new CallCost(0, inElements, true, true);
            case ReLU or ReLU6 or LeakyReLU or PReLU or ELU or SELU or CELU or GELU or SiLU or Mish
                or Sigmoid or Tanh or Hardtanh or Hardswish or Hardsigmoid or Softplus:
                // One op per element whatever the function; weighting transcendental functions would be arbitrary.
                return new CallCost(0, outElements, true, true);
            case Identity or Dropout or Dropout1d or Dropout2d or Dropout3d or AlphaDropout or FeatureAlphaDropout
                or Flatten or Unflatten:
                return CallCost.PassThrough;
            default:
                return CallCost.Unknown;
        }
    }

    /// <summary>
    /// A GRU applies each of its weight matrices (input-hidden 3H x I and hidden-hidden 3H x H, per layer
    /// and direction) once per step and sequence, so its MACs are steps times all weight elements. Per
    /// step and direction it also does 11H element operations (3H gate input + hidden sums, 2H sigmoid,
    /// H tanh, H reset product, 4H for h = (1 - z) * n + z * h) plus 6H bias adds when it has biases.
    /// Steps times sequences = output elements / (directions x H), read off the output's last dimension.
    /// </summary>
    private static CallCost Recurrent(nn.Module gru, long[] outputShape)
    {
        var named = gru.named_parameters().ToList();
        var hiddenWeights = named.Where(p => p.name.StartsWith("weight_hh", StringComparison.Ordinal)).Select(p => p.parameter).ToList();
        long weightElements = named.Where(p => p.name.StartsWith("weight_", StringComparison.Ordinal)).Sum(p => p.parameter.numel());
        bool hasBias = named.Any(p => p.name.StartsWith("bias_", StringComparison.Ordinal));
        long steps = Elements(outputShape) / outputShape[^1];
        long perStep = hiddenWeights.Sum(w => w.shape[1] * (hasBias ? 17 : 11));
        return new CallCost(steps * weightElements, steps * perStep, true, true);
    }

    private static CallCost Windowed(long outElements, long[] kernel) => new(0, outElements * Product(kernel), true, true);

    private static long Elements(long[] shape) => Product(shape);

    private static long Product(IEnumerable<long> values)
    {
        long product = 1;
        foreach (var value in values) product = checked(product * value);
        return product;
    }
}
