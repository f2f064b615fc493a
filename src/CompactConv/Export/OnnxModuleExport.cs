using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Export;

/// <summary>
/// Exports one module: a module that implements <see cref="IOnnxExportable"/> writes itself; the
/// standard TorchSharp modules our layers contain are mapped here, in one switch. Anything else is
/// refused with <see cref="NotSupportedException"/> naming its type, because skipping a module would
/// give a file that loads and computes something else.
/// </summary>
public static class OnnxModuleExport
{
    /// <summary>Writes <paramref name="module"/>'s evaluation-mode computation on <paramref name="input"/>; returns the output value's name.</summary>
    /// <exception cref="NotSupportedException">The module (or one inside it) has no ONNX mapping.</exception>
    public static string Export(IOnnxGraph graph, nn.Module module, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(module);
        return module switch
        {
            IOnnxExportable exportable => exportable.Export(graph, input),
            Sequential sequential => sequential.children().Aggregate(input, (value, child) => Export(graph, child, value)),
            // Evaluation mode: dropout is the identity.
            Identity or Dropout => input,
            Conv2d conv => Conv(graph, conv, input),
            BatchNorm2d norm => BatchNorm(graph, norm, input),
            ReLU => graph.Node("Relu", "relu", [input]),
            ReLU6 => graph.Node("Clip", "relu6", [input, graph.AddFloats("zero", [0f], []), graph.AddFloats("six", [6f], [])]),
            SiLU => graph.Node("Mul", "silu", [input, graph.Node("Sigmoid", "sigmoid", [input])]),
            MaxPool2d pool => MaxPool(graph, pool, input),
            AvgPool2d pool => AvgPool(graph, pool, input),
            AdaptiveAvgPool2d pool => AdaptivePoolExport.Export(graph, input, pool.output_size, "ReduceMean"),
            AdaptiveMaxPool2d pool => AdaptivePoolExport.Export(graph, input, pool.output_size, "ReduceMax"),
            Linear linear => Linear(graph, linear, input),
            Flatten flatten => Flatten(graph, flatten, input),
            _ => throw Refuse(module, "no ONNX mapping is known for this module type"),
        };
    }

    /// <summary>The refusal for <paramref name="module"/>, naming its type and name, with <paramref name="reason"/>.</summary>
    public static NotSupportedException Refuse(nn.Module module, string reason) =>
        new($"ONNX export: cannot export module '{module.GetName()}' of type {module.GetType().FullName}: {reason}");

    private static string Conv(IOnnxGraph graph, Conv2d conv, string input)
    {
        if (conv.padding_mode != PaddingModes.Zeros) throw Refuse(conv, $"padding mode {conv.padding_mode} (only zeros is mapped)");
        if (conv.padding is null) throw Refuse(conv, "padding given as a mode rather than sizes");
        var inputs = new List<string> { input, graph.AddInitializer("conv_weight", conv.weight!) };
        if (conv.bias is not null) inputs.Add(graph.AddInitializer("conv_bias", conv.bias));
        return graph.Node("Conv", "conv", inputs,
            OnnxAttribute.Ints("kernel_shape", conv.kernel_size),
            OnnxAttribute.Ints("strides", conv.stride),
            OnnxAttribute.Ints("pads", Pads(conv.padding)),
            OnnxAttribute.Ints("dilations", conv.dilation),
            OnnxAttribute.Int("group", conv.groups));
    }

    private static string BatchNorm(IOnnxGraph graph, BatchNorm2d norm, string input)
    {
        if (norm.running_mean is null || norm.running_var is null) throw Refuse(norm, "no running statistics to evaluate with");
        using var scope = NewDisposeScope();
        var scale = norm.weight is null ? ones(norm.num_features) : (Tensor)norm.weight;
        var shift = norm.bias is null ? zeros(norm.num_features) : (Tensor)norm.bias;
        // Kept as a node: ONNX Runtime folds it into the convolution before it, and the file stays
        // a faithful picture of the trained network.
        return graph.Node("BatchNormalization", "bn",
            [input, graph.AddInitializer("bn_scale", scale), graph.AddInitializer("bn_bias", shift),
                graph.AddInitializer("bn_mean", norm.running_mean), graph.AddInitializer("bn_var", norm.running_var)],
            OnnxAttribute.Float("epsilon", (float)norm.eps));
    }

    private static string MaxPool(IOnnxGraph graph, MaxPool2d pool, string input)
    {
        var kernel = Pair(pool.kernel_size);
        // Both written: ONNX's stride defaults to 1 where PyTorch's defaults to the kernel.
        return graph.Node("MaxPool", "maxpool", [input],
            OnnxAttribute.Ints("kernel_shape", kernel),
            OnnxAttribute.Ints("strides", pool.stride is null ? kernel : Pair(pool.stride)),
            OnnxAttribute.Ints("pads", Pads(pool.padding is null ? [0, 0] : Pair(pool.padding))),
            OnnxAttribute.Ints("dilations", pool.dilation is null ? [1, 1] : Pair(pool.dilation)),
            OnnxAttribute.Int("ceil_mode", pool.ceil_mode ? 1 : 0));
    }

    private static string AvgPool(IOnnxGraph graph, AvgPool2d pool, string input)
    {
        if (pool.divisor_override is not null) throw Refuse(pool, "a divisor override has no ONNX counterpart");
        var kernel = Pair(pool.kernel_size);
        // ONNX leaves padding out of the count unless told; PyTorch counts it by default.
        return graph.Node("AveragePool", "avgpool", [input],
            OnnxAttribute.Ints("kernel_shape", kernel),
            OnnxAttribute.Ints("strides", pool.stride is null ? kernel : Pair(pool.stride)),
            OnnxAttribute.Ints("pads", Pads(pool.padding is null ? [0, 0] : Pair(pool.padding))),
            OnnxAttribute.Int("count_include_pad", pool.count_include_pad ? 1 : 0),
            OnnxAttribute.Int("ceil_mode", pool.ceil_mode ? 1 : 0));
    }

    private static string Linear(IOnnxGraph graph, Linear linear, string input)
    {
        // MatMul against the transposed weight works for any leading dimensions ([N, F] and [N, T, F]).
        using var transposed = linear.weight!.t().contiguous();
        string product = graph.Node("MatMul", "matmul", [input, graph.AddInitializer("fc_weight", transposed)]);
        return linear.bias is null ? product : graph.Node("Add", "fc", [product, graph.AddInitializer("fc_bias", linear.bias)]);
    }

    private static string Flatten(IOnnxGraph graph, Flatten flatten, string input)
    {
        if (flatten.start_dim != 1 || flatten.end_dim != -1) throw Refuse(flatten, "only flattening dims 1..-1 is mapped");
        return graph.Node("Flatten", "flatten", [input], OnnxAttribute.Int("axis", 1));
    }

    // TorchSharp gives one value for a square window; ONNX wants one per spatial axis.
    private static long[] Pair(long[] values) => values.Length == 1 ? [values[0], values[0]] : values;

    // PyTorch pads (h, w) on both sides; ONNX lists every start then every end.
    private static long[] Pads(long[] padding)
    {
        var hw = Pair(padding);
        return [hw[0], hw[1], hw[0], hw[1]];
    }
}
