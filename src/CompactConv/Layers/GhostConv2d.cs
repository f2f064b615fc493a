using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// GhostNet's Ghost module with the signature of a convolution: a k x k convolution makes
/// ceil(O/s) "intrinsic" maps, a cheap depth-wise convolution derives (s-1) "ghost" maps from each,
/// and the first O maps of both are the output. It adds maps cheaply, where compact convolution removes them.
/// </summary>
public sealed class GhostConv2d : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly ConvNormAct primary;
    private readonly ConvNormAct cheap;

    /// <summary>Output channels.</summary>
    public long OutChannels { get; }

    /// <summary>Maps made by the primary convolution.</summary>
    public long IntrinsicChannels { get; }

    /// <summary>Creates the module; ratio and cheap kernel come from <paramref name="options"/>.</summary>
    public GhostConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null,
        long dilation = 1, ConvOptions? options = null)
        : base(nameof(GhostConv2d))
    {
        options ??= ConvOptions.Default;
        if (options.GhostRatio < 2) throw new ArgumentException($"GhostConv2d: ratio must be at least 2, got {options.GhostRatio}");
        OutChannels = outChannels;
        IntrinsicChannels = (outChannels + options.GhostRatio - 1) / options.GhostRatio;
        primary = new ConvNormAct(inChannels, IntrinsicChannels, kernelSize, stride, padding, dilation,
            norm: options.NormAtOutput, activation: options.OutputActivation);
        cheap = new ConvNormAct(IntrinsicChannels, IntrinsicChannels * (options.GhostRatio - 1), options.GhostCheapKernel,
            groups: IntrinsicChannels, norm: options.NormAtOutput, activation: options.OutputActivation);
        RegisterComponents();
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input)
    {
        string intrinsic = OnnxModuleExport.Export(graph, primary, input);
        string ghosts = OnnxModuleExport.Export(graph, cheap, intrinsic);
        string all = graph.Node("Concat", "ghost_all", [intrinsic, ghosts], OnnxAttribute.Int("axis", 1));
        return graph.Slice(all, 1, 0, OutChannels);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var intrinsic = primary.call(input);
        var ghosts = cheap.call(intrinsic);
        var all = cat([intrinsic, ghosts], 1);
        return all.narrow(1, 0, OutChannels).MoveToOuterDisposeScope();
    }
}
