using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// A ShuffleNet-style unit with the signature of a convolution: grouped 1x1 (C -> C) + BN + act,
/// channel shuffle, depth-wise k x k + BN (no activation, as in ShuffleNet), grouped 1x1 (C -> O) + BN + act.
/// </summary>
public sealed class ShuffleConv2d : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly ConvNormAct expand;
    private readonly ConvNormAct depthwise;
    private readonly ConvNormAct project;

    /// <summary>Groups of the two 1x1 convolutions.</summary>
    public long Groups { get; }

    /// <summary>Creates the unit; the group count is the largest divisor of gcd(in, out) not above <see cref="ConvOptions.ShuffleGroups"/>.</summary>
    public ShuffleConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null,
        long dilation = 1, ConvOptions? options = null)
        : base(nameof(ShuffleConv2d))
    {
        options ??= ConvOptions.Default;
        Groups = ChooseGroups(inChannels, outChannels, options.ShuffleGroups);
        expand = new ConvNormAct(inChannels, inChannels, 1, groups: Groups, activation: options.Activation);
        depthwise = new ConvNormAct(inChannels, inChannels, kernelSize, stride, padding, dilation, groups: inChannels,
            norm: options.NormAfterDepthwise, activation: ActivationKind.None);
        project = new ConvNormAct(inChannels, outChannels, 1, groups: Groups, norm: options.NormAtOutput,
            activation: options.OutputActivation);
        RegisterComponents();
    }

    /// <summary>The largest g &lt;= <paramref name="maxGroups"/> dividing both channel counts.</summary>
    public static long ChooseGroups(long inChannels, long outChannels, int maxGroups)
    {
        if (maxGroups < 1) throw new ArgumentException($"ShuffleConv2d: groups must be at least 1, got {maxGroups}");
        for (long g = maxGroups; g > 1; g--)
        {
            if (inChannels % g == 0 && outChannels % g == 0) return g;
        }
        return 1;
    }

    /// <summary>Reorders channels [g0c0, g0c1, ..., g1c0, ...] to [g0c0, g1c0, ..., g0c1, ...] so the next grouped conv mixes groups.</summary>
    public static Tensor ChannelShuffle(Tensor input, long groups)
    {
        var shape = input.shape;
        long perGroup = shape[1] / groups;
        using var split = input.reshape(shape[0], groups, perGroup, shape[2], shape[3]);
        using var swapped = split.transpose(1, 2);
        return swapped.reshape(shape);
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input)
    {
        string y = OnnxModuleExport.Export(graph, expand, input);
        if (Groups > 1)
        {
            // [N, g, C/g, H, W] -> swap the two channel axes -> back to the input's own shape.
            string shape = graph.Node("Shape", "shape", [y]);
            string target = graph.Node("Concat", "shuffle_shape",
                [graph.AddInt64s("shuffle_head", [0, Groups, -1]), graph.Slice(shape, 0, 2, long.MaxValue)], OnnxAttribute.Int("axis", 0));
            string split = graph.Node("Reshape", "shuffle_split", [y, target]);
            string swapped = graph.Node("Transpose", "shuffle_swap", [split], OnnxAttribute.Ints("perm", 0, 2, 1, 3, 4));
            y = graph.Node("Reshape", "shuffled", [swapped, shape]);
        }
        y = OnnxModuleExport.Export(graph, depthwise, y);
        return OnnxModuleExport.Export(graph, project, y);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = expand.call(input);
        if (Groups > 1) y = ChannelShuffle(y, Groups);
        y = depthwise.call(y);
        return project.call(y).MoveToOuterDisposeScope();
    }
}
