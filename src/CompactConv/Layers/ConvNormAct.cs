using CompactConv.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// One convolution, optionally followed by BatchNorm, then an activation: the building brick of
/// every conv kind. The convolution has a bias only when no BatchNorm follows it.
/// </summary>
public sealed class ConvNormAct : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d? bn;
    private readonly nn.Module<Tensor, Tensor> act;

    /// <summary>The convolution (exposed for cost accounting and weight inspection).</summary>
    public Conv2d Conv => conv;

    /// <summary>Creates the brick. <paramref name="groups"/> = <paramref name="inChannels"/> makes it depth-wise.</summary>
    public ConvNormAct(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null,
        long dilation = 1, long groups = 1, bool norm = true, ActivationKind activation = ActivationKind.ReLU)
        : base(nameof(ConvNormAct))
    {
        conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride,
            padding: padding ?? SamePadding(kernelSize, dilation), dilation: dilation, groups: groups, bias: !norm);
        bn = norm ? nn.BatchNorm2d(outChannels) : null;
        act = Activations.Create(activation);
        RegisterComponents();
    }

    /// <summary>Padding that keeps the spatial size at stride 1 for an odd kernel.</summary>
    public static long SamePadding(long kernelSize, long dilation) => dilation * (kernelSize - 1) / 2;

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input)
    {
        string y = OnnxModuleExport.Export(graph, conv, input);
        if (bn is not null) y = OnnxModuleExport.Export(graph, bn, y);
        return OnnxModuleExport.Export(graph, act, y);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = conv.call(input);
        if (bn is not null) y = bn.call(y);
        return act.call(y).MoveToOuterDisposeScope();
    }
}
