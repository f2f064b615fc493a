namespace CompactConv.Export;

/// <summary>
/// Adaptive 2-D pooling as plain reductions, for any input size known only at run time: an axis with
/// one output cell is reduced whole; an axis with k cells is cut into PyTorch's k windows
/// [floor(i*n/k), ceil((i+1)*n/k)), computed in the graph from the input's shape, each reduced and
/// concatenated. Max and mean both separate over the two axes since every window is a rectangle.
/// </summary>
internal static class AdaptivePoolExport
{
    public static string Export(IOnnxGraph graph, string input, long[] outputSize, string reduceOp)
    {
        long[] cells = outputSize.Length == 1 ? [outputSize[0], outputSize[0]] : outputSize;
        if (cells.Length != 2 || cells.Any(c => c < 1))
            throw new NotSupportedException($"ONNX export: adaptive pool output size [{string.Join(", ", outputSize)}] is not two positive sizes");
        if (cells[0] == 1 && cells[1] == 1 && reduceOp == "ReduceMean") return graph.Node("GlobalAveragePool", "gap", [input]);
        if (cells[0] == 1 && cells[1] == 1 && reduceOp == "ReduceMax") return graph.Node("GlobalMaxPool", "gmp", [input]);
        string value = input;
        for (int axis = 2; axis <= 3; axis++) value = PoolAxis(graph, value, axis, cells[axis - 2], reduceOp);
        return value;
    }

    private static string PoolAxis(IOnnxGraph graph, string input, long axis, long cells, string reduceOp)
    {
        if (cells == 1) return graph.Reduce(reduceOp, input, [axis], keepDims: true);
        string size = graph.Node("Gather", "axis_size", [graph.Node("Shape", "shape", [input]), graph.AddInt64s("axis", [axis])]);
        string count = graph.AddInt64s("cells", [cells]);
        var pieces = new List<string>();
        for (long i = 0; i < cells; i++)
        {
            // floor(i*n/k) and ceil((i+1)*n/k) = floor(((i+1)*n + k - 1)/k); n >= 0, so Div floors.
            string start = graph.Node("Div", "start", [graph.Node("Mul", "i_n", [size, graph.AddInt64s("i", [i])]), count]);
            string endNumerator = graph.Node("Add", "end_num",
                [graph.Node("Mul", "i1_n", [size, graph.AddInt64s("i1", [i + 1])]), graph.AddInt64s("k_1", [cells - 1])]);
            string end = graph.Node("Div", "end", [endNumerator, count]);
            pieces.Add(graph.Reduce(reduceOp, graph.Slice(input, axis, start, end), [axis], keepDims: true));
        }
        return graph.Node("Concat", "cells", pieces, OnnxAttribute.Int("axis", axis));
    }
}
