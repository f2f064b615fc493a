using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Layers;

/// <summary>
/// The shape shared by separable, compact and squeeze convolutions: a depth-wise k x k conv,
/// an optional channel reduction C -> C/r, then a 1x1 conv to the output channels.
/// The subclasses only decide what the reduction is.
/// </summary>
public abstract class DepthwiseThenPointwise : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly ConvNormAct depthwise;
    private readonly nn.Module<Tensor, Tensor> reduce;
    private readonly nn.Module<Tensor, Tensor>? activateAfterReduce;
    private readonly ConvNormAct pointwise;

    /// <summary>Input channels.</summary>
    public long InChannels { get; }

    /// <summary>Output channels.</summary>
    public long OutChannels { get; }

    /// <summary>Channels entering the 1x1 convolution (C, or C/r after a reduction).</summary>
    public long ReducedChannels { get; }

    /// <summary>Builds depth-wise -> <paramref name="reduction"/> -> 1x1; <paramref name="reducedChannels"/> is what the reduction outputs.</summary>
    protected DepthwiseThenPointwise(string name, long inChannels, long outChannels, long kernelSize, long stride,
        long? padding, long dilation, ConvOptions options, nn.Module<Tensor, Tensor> reduction, long reducedChannels,
        bool activateAfterReduction = false)
        : base(name)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        ReducedChannels = reducedChannels;
        var innerActivation = options.ActivateAfterDepthwise ? options.Activation : ActivationKind.None;
        depthwise = new ConvNormAct(inChannels, inChannels, kernelSize, stride, padding, dilation, groups: inChannels,
            norm: options.NormAfterDepthwise,
            activation: activateAfterReduction ? ActivationKind.None : innerActivation);
        activateAfterReduce = activateAfterReduction && innerActivation != ActivationKind.None
            ? Activations.Create(innerActivation)
            : null;
        reduce = reduction;
        pointwise = new ConvNormAct(reducedChannels, outChannels, 1, norm: options.NormAtOutput,
            activation: options.OutputActivation);
        // RegisterComponents() would miss these: reflection on the derived type does not see a base class's private fields.
        register_module("depthwise", depthwise);
        register_module("reduce", reduce);
        if (activateAfterReduce is not null) register_module("reduce_act", activateAfterReduce);
        register_module("pointwise", pointwise);
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input)
    {
        string y = OnnxModuleExport.Export(graph, depthwise, input);
        y = OnnxModuleExport.Export(graph, reduce, y);
        if (activateAfterReduce is not null) y = OnnxModuleExport.Export(graph, activateAfterReduce, y);
        return OnnxModuleExport.Export(graph, pointwise, y);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = depthwise.call(input);
        y = reduce.call(y);
        if (activateAfterReduce is not null) y = activateAfterReduce.call(y);
        return pointwise.call(y).MoveToOuterDisposeScope();
    }

    /// <summary>Throws when <paramref name="channels"/> is not a positive multiple of r.</summary>
    protected static long DivideByR(string block, long channels, int r)
    {
        if (r < 1) throw new ArgumentException($"{block}: r must be at least 1, got {r}");
        if (channels % r != 0) throw new ArgumentException($"{block}: in_channels={channels} is not divisible by r={r}");
        return channels / r;
    }
}

/// <summary>Depth-wise separable convolution (MobileNet / Xception): depth-wise k x k, then 1x1 C -> O.</summary>
public sealed class SeparableConv2d : DepthwiseThenPointwise
{
    /// <summary>Creates the block; BatchNorm/activation placement comes from <paramref name="options"/>.</summary>
    public SeparableConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null,
        long dilation = 1, ConvOptions? options = null)
        : base(nameof(SeparableConv2d), inChannels, outChannels, kernelSize, stride, padding, dilation,
            options ?? ConvOptions.Default, nn.Identity(), inChannels)
    {
    }
}

/// <summary>
/// Compact convolution (Liang, Zhang and Feng, 2020): depth-wise k x k, a parameter-free
/// <see cref="ChannelPool"/> over groups of r channels, then 1x1 C/r -> O.
/// Parameters: k*k*C + (C/r)*O (plus BatchNorm), against k*k*C + C*O for the separable form.
/// </summary>
public sealed class CompactConv2d : DepthwiseThenPointwise
{
    /// <summary>The interchannel operation between the two convolutions.</summary>
    public ChannelPool Pool { get; }

    /// <summary>
    /// Creates the block from <paramref name="options"/> (its <see cref="ConvOptions.R"/>, <see cref="ConvOptions.Op"/>
    /// and <see cref="ConvOptions.Grouping"/> shape the pool), so a model's one options record is the only source of r;
    /// throws <see cref="ArgumentException"/> when r &lt; 1 or r does not divide <paramref name="inChannels"/>.
    /// </summary>
    public CompactConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null,
        long dilation = 1, ConvOptions? options = null)
        : this(inChannels, outChannels, kernelSize, stride, padding, dilation, options ?? ConvOptions.Default,
            PoolFor(options ?? ConvOptions.Default))
    {
    }

    private static ChannelPool PoolFor(ConvOptions options) => new(options.R, options.Op, options.Grouping);

    // When the pool commutes with the activation (max/min/select after ReLU), activating after the
    // pool computes the same function on r times fewer values.
    private CompactConv2d(long inChannels, long outChannels, long kernelSize, long stride, long? padding,
        long dilation, ConvOptions options, ChannelPool pool)
        : base(nameof(CompactConv2d), inChannels, outChannels, kernelSize, stride, padding, dilation, options, pool,
            DivideByR(nameof(CompactConv2d), inChannels, options.R), pool.CommutesWith(options.Activation))
    {
        Pool = pool;
    }
}

/// <summary>
/// The learned counterpart of compact convolution: depth-wise k x k, a learnable 1x1 squeeze
/// C -> C/r (no BatchNorm or activation, like the pool it replaces), then 1x1 C/r -> O.
/// </summary>
public sealed class SqueezeConv2d : DepthwiseThenPointwise
{
    /// <summary>Creates the block; throws <see cref="ArgumentException"/> when r does not divide <paramref name="inChannels"/>.</summary>
    public SqueezeConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null,
        long dilation = 1, ConvOptions? options = null)
        : base(nameof(SqueezeConv2d), inChannels, outChannels, kernelSize, stride, padding, dilation,
            options ?? ConvOptions.Default,
            nn.Conv2d(inChannels, DivideByR(nameof(SqueezeConv2d), inChannels, (options ?? ConvOptions.Default).R), 1, bias: false),
            inChannels / (options ?? ConvOptions.Default).R)
    {
    }
}
