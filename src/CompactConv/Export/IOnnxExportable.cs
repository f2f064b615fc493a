namespace CompactConv.Export;

/// <summary>
/// A module that writes its own evaluation-mode computation into an ONNX graph: the layer knows its
/// graph, so the exporter never guesses at a module's internals. Children are exported through
/// <see cref="OnnxModuleExport.Export"/>, which refuses modules it does not know.
/// </summary>
public interface IOnnxExportable
{
    /// <summary>Writes the nodes computing this module from the value <paramref name="input"/>; returns the output value's name.</summary>
    string Export(IOnnxGraph graph, string input);
}
