namespace CompactConv.Export;

/// <summary>
/// One attribute of an ONNX node, kept free of any protobuf type so that layers in this package can
/// describe their nodes while only the exporter package knows the file format. The value is one of
/// <see cref="long"/>, <see cref="float"/>, <see cref="string"/>, <c>long[]</c> or <c>float[]</c>.
/// </summary>
public sealed record OnnxAttribute
{
    private OnnxAttribute(string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Value = value;
    }

    /// <summary>The attribute name as the ONNX operator defines it (<c>kernel_shape</c>, <c>axis</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The value: a long, float, string, long[] or float[].</summary>
    public object Value { get; }

    /// <summary>An integer attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, value);

    /// <summary>A list-of-integers attribute.</summary>
    public static OnnxAttribute Ints(string name, params long[] values) => new(name, values.ToArray());

    /// <summary>A float attribute.</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, value);

    /// <summary>A list-of-floats attribute.</summary>
    public static OnnxAttribute Floats(string name, params float[] values) => new(name, values.ToArray());

    /// <summary>A string attribute.</summary>
    public static OnnxAttribute String(string name, string value) => new(name, value);
}
