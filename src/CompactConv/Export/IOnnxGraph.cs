using static TorchSharp.torch;

namespace CompactConv.Export;

/// <summary>
/// What a layer needs to write its own part of an ONNX graph: nodes, weights and fresh value names.
/// Implemented by the CompactConv.Onnx package; this package stays free of protobuf, so a layer can
/// be exportable without its users carrying the file format.
/// </summary>
public interface IOnnxGraph
{
    /// <summary>The default-domain opset the graph is written for; layers pick operator forms by it (e.g. Reduce* axes).</summary>
    int Opset { get; }

    /// <summary>A value name not used before in this graph, readable from <paramref name="hint"/>.</summary>
    string FreshName(string hint);

    /// <summary>
    /// Appends a node. Nodes must be added in an order where every input already exists (a topological
    /// order), which is the order a forward pass computes them in. An empty input name means an omitted optional input.
    /// </summary>
    void AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes);

    /// <summary>Stores a float32 copy of <paramref name="value"/> as an initializer and returns its name.</summary>
    string AddInitializer(string hint, Tensor value);

    /// <summary>Stores an int64 initializer (shape, axes, indices) and returns its name; <paramref name="shape"/> null means 1-D, empty means a scalar.</summary>
    string AddInt64s(string hint, long[] values, long[]? shape = null);

    /// <summary>Stores a float32 initializer of <paramref name="shape"/> and returns its name.</summary>
    string AddFloats(string hint, float[] values, long[] shape);
}
