using System.Runtime.InteropServices;
using CompactConv.Export;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace CompactConv.Onnx;

/// <summary>The <see cref="IOnnxGraph"/> that builds an <see cref="GraphProto"/> for one export.</summary>
public sealed class OnnxGraph : IOnnxGraph
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> lastSuffix = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph for <paramref name="opset"/>.</summary>
    public OnnxGraph(int opset, string name)
    {
        Opset = opset;
        Proto = new GraphProto { Name = name };
    }

    /// <inheritdoc />
    public int Opset { get; }

    /// <summary>The graph built so far.</summary>
    public GraphProto Proto { get; }

    /// <summary>Marks <paramref name="name"/> as taken (graph inputs and outputs), so no node output reuses it.</summary>
    public void Reserve(string name) => taken.Add(name);

    /// <inheritdoc />
    public string FreshName(string hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hint);
        string name = hint;
        int suffix = lastSuffix.GetValueOrDefault(hint);
        while (!taken.Add(name)) name = $"{hint}_{++suffix}";
        lastSuffix[hint] = suffix;
        return name;
    }

    /// <inheritdoc />
    public void AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        var node = new NodeProto { OpType = opType, Name = FreshName($"{opType}_node") };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var attribute in attributes) node.Attribute.Add(ToProto(attribute));
        Proto.Node.Add(node);
    }

    /// <inheritdoc />
    public string AddInitializer(string hint, Tensor value)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var cpu = value.detach().to(ScalarType.Float32, CPU).contiguous();
        float[] data = cpu.data<float>().ToArray();
        return AddFloats(hint, data, cpu.shape);
    }

    /// <inheritdoc />
    public string AddInt64s(string hint, long[] values, long[]? shape = null) =>
        AddRaw(hint, TensorProto.Types.DataType.Int64, values, shape ?? [values.LongLength]);

    /// <inheritdoc />
    public string AddFloats(string hint, float[] values, long[] shape) =>
        AddRaw(hint, TensorProto.Types.DataType.Float, values, shape);

    // An initializer stored as raw little-endian bytes, the compact form every runtime reads.
    private string AddRaw<T>(string hint, TensorProto.Types.DataType type, T[] values, long[] shape) where T : unmanaged
    {
        var tensor = new TensorProto { Name = FreshName(hint), DataType = (int)type };
        tensor.Dims.AddRange(shape);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        Proto.Initializer.Add(tensor);
        return tensor.Name;
    }

    private static AttributeProto ToProto(OnnxAttribute attribute)
    {
        var proto = new AttributeProto { Name = attribute.Name };
        switch (attribute.Value)
        {
            case long i:
                proto.Type = AttributeProto.Types.AttributeType.Int;
                proto.I = i;
                break;
            case long[] ints:
                proto.Type = AttributeProto.Types.AttributeType.Ints;
                proto.Ints.AddRange(ints);
                break;
            case float f:
                proto.Type = AttributeProto.Types.AttributeType.Float;
                proto.F = f;
                break;
            case float[] floats:
                proto.Type = AttributeProto.Types.AttributeType.Floats;
                proto.Floats.AddRange(floats);
                break;
            case string s:
                proto.Type = AttributeProto.Types.AttributeType.String;
                proto.S = ByteString.CopyFromUtf8(s);
                break;
            default:
                throw new ArgumentException($"ONNX attribute '{attribute.Name}' has unsupported value type {attribute.Value.GetType()}");
        }
        return proto;
    }
}
