namespace CompactConv.Export;

/// <summary>
/// Node patterns that several layers write, with the operator form that depends on the opset chosen
/// in one place: a form written for the wrong opset is either rejected by the runtime or, worse, read differently.
/// </summary>
public static class OnnxGraphExtensions
{
    /// <summary>The first opset whose Reduce* operators (other than ReduceSum) take axes as an input instead of an attribute.</summary>
    public const int ReduceAxesAsInputOpset = 18;

    /// <summary>The first opset whose ReduceSum, Squeeze and Unsqueeze take axes as an input.</summary>
    public const int SumAndSqueezeAxesAsInputOpset = 13;

    /// <summary>Adds a node with one fresh output named after <paramref name="hint"/> and returns that name.</summary>
    public static string Node(this IOnnxGraph graph, string opType, string hint, IReadOnlyList<string> inputs,
        params OnnxAttribute[] attributes)
    {
        string output = graph.FreshName(hint);
        graph.AddNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>
    /// A Reduce* node (ReduceMax, ReduceMin, ReduceMean, ReduceSum, ReduceLogSumExp, ...) over
    /// <paramref name="axes"/>, with the axes as an attribute or an input as <see cref="IOnnxGraph.Opset"/> requires.
    /// </summary>
    public static string Reduce(this IOnnxGraph graph, string reduceOp, string input, long[] axes, bool keepDims)
    {
        int inputFrom = reduceOp == "ReduceSum" ? SumAndSqueezeAxesAsInputOpset : ReduceAxesAsInputOpset;
        var keep = OnnxAttribute.Int("keepdims", keepDims ? 1 : 0);
        if (graph.Opset >= inputFrom)
        {
            string axesName = graph.AddInt64s("axes", axes);
            return graph.Node(reduceOp, reduceOp, [input, axesName], keep);
        }
        return graph.Node(reduceOp, reduceOp, [input], OnnxAttribute.Ints("axes", axes), keep);
    }

    /// <summary>Removes the size-1 <paramref name="axes"/> (opset 13 and later take them as an input).</summary>
    public static string Squeeze(this IOnnxGraph graph, string input, params long[] axes)
    {
        RequireOpset13(graph);
        return graph.Node("Squeeze", "squeezed", [input, graph.AddInt64s("axes", axes)]);
    }

    /// <summary>The slice [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="axis"/>, with constant bounds.</summary>
    public static string Slice(this IOnnxGraph graph, string input, long axis, long start, long end) =>
        graph.Slice(input, axis, graph.AddInt64s("starts", [start]), graph.AddInt64s("ends", [end]));

    /// <summary>The slice of <paramref name="axis"/> between two 1-D int64 values computed in the graph.</summary>
    public static string Slice(this IOnnxGraph graph, string input, long axis, string starts, string ends) =>
        graph.Node("Slice", "slice", [input, starts, ends, graph.AddInt64s("axes", [axis])]);

    private static void RequireOpset13(IOnnxGraph graph)
    {
        if (graph.Opset < SumAndSqueezeAxesAsInputOpset)
            throw new NotSupportedException($"ONNX export needs opset 13 or later, got {graph.Opset}");
    }
}
