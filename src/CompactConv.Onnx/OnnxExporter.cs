using CompactConv.Export;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Onnx;

/// <summary>
/// Writes a model's evaluation-mode function as an ONNX file: the input normalisation, then the
/// nodes each layer writes (<see cref="IOnnxExportable"/>, <see cref="OnnxModuleExport"/>), then the
/// named output. Modules without a mapping are refused, so a file that exists computes the model.
/// </summary>
public static class OnnxExporter
{
    /// <summary>IR version 8: understood by every runtime that reads opsets 13 to 18.</summary>
    private const long IrVersion = 8;

    /// <summary>
    /// The ONNX model of <paramref name="model"/> for per-example input shape <paramref name="inputShape"/>
    /// (e.g. [1, 28, 28]). The model is run once on zeros (in evaluation mode, its mode restored after)
    /// to learn the output's fixed sizes; every module's mode is put back afterwards.
    /// </summary>
    /// <exception cref="NotSupportedException">A module inside the model has no ONNX mapping; the message names it.</exception>
    public static ModelProto Export(nn.Module<Tensor, Tensor> model, int[] inputShape, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        options ??= OnnxExportOptions.Default;
        options.Validate();
        if (inputShape.Length == 0 || inputShape.Any(d => d < 1))
            throw new ArgumentException($"ONNX export: input shape [{string.Join(", ", inputShape)}] must be positive sizes");

        long[] fullInput = [1, .. inputShape.Select(d => (long)d)];
        long[] outputShape = OutputShape(model, fullInput);

        var graph = new OnnxGraph(options.Opset, model.GetName());
        graph.Reserve(options.InputName);
        graph.Reserve(options.OutputName);
        graph.Proto.Input.Add(ValueInfo(options.InputName, fullInput, options.SymbolicInputDims));

        string value = Normalize(graph, options.InputName, options.Normalization, fullInput.Length);
        value = OnnxModuleExport.Export(graph, model, value);
        value = options.OutputActivation switch
        {
            OnnxOutputActivation.None => value,
            OnnxOutputActivation.Sigmoid => graph.Node("Sigmoid", "probabilities", [value]),
            // Opset 13 and later: older Softmax flattens to 2-D before normalising.
            OnnxOutputActivation.Softmax => graph.Node("Softmax", "probabilities", [value], OnnxAttribute.Int("axis", -1)),
            _ => throw new ArgumentException($"ONNX export: unknown output activation {options.OutputActivation}"),
        };
        // The last node writes a generated name; rename it to the contract's output (an Identity when the
        // model left its input untouched).
        if (graph.Proto.Node.Count > 0 && graph.Proto.Node[^1].Output.Contains(value))
        {
            var last = graph.Proto.Node[^1];
            last.Output[last.Output.IndexOf(value)] = options.OutputName;
        }
        else
        {
            graph.AddNode("Identity", [value], [options.OutputName]);
        }
        graph.Proto.Output.Add(ValueInfo(options.OutputName, outputShape, options.SymbolicOutputDims));

        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "CompactConv.Onnx",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph.Proto,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        foreach (var (key, text) in options.Metadata) proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = text });
        return proto;
    }

    /// <summary>
    /// Exports like <see cref="Export"/> and writes the file at <paramref name="path"/> through a temporary file
    /// renamed into place, so a reader never sees half a model.
    /// </summary>
    public static void ExportToFile(nn.Module<Tensor, Tensor> model, int[] inputShape, OnnxExportOptions? options, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var proto = Export(model, inputShape, options);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = File.Create(temporary)) proto.WriteTo(stream);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static long[] OutputShape(nn.Module<Tensor, Tensor> model, long[] inputShape)
    {
        // Every module's own mode, restored parents first (train() recurses), so a partly frozen model stays so.
        var modes = model.modules().Prepend(model).Select(m => (Module: m, m.training)).ToList();
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            return model.call(zeros(inputShape, device: device)).shape;
        }
        finally
        {
            foreach (var (module, training) in modes) module.train(training);
        }
    }

    private static string Normalize(OnnxGraph graph, string input, InputNormalization? normalization, int rank)
    {
        if (normalization is null) return input;
        if (normalization.Axis >= rank)
            throw new ArgumentException($"ONNX export: normalisation axis {normalization.Axis} is outside an input of rank {rank}");
        // Shaped to broadcast along its axis: [1, C, 1, 1] for channels, [1, 1, M, 1] for bands.
        var shape = Enumerable.Repeat(1L, rank).ToArray();
        shape[normalization.Axis] = normalization.Mean.Count;
        string centred = graph.Node("Sub", "centred", [input, graph.AddFloats("input_mean", [.. normalization.Mean], shape)]);
        return graph.Node("Div", "normalized", [centred, graph.AddFloats("input_std", [.. normalization.Std], shape)]);
    }

    private static ValueInfoProto ValueInfo(string name, long[] shape, IReadOnlyDictionary<int, string> symbolic)
    {
        var tensorShape = new TensorShapeProto();
        for (int i = 0; i < shape.Length; i++)
        {
            tensorShape.Dim.Add(symbolic.TryGetValue(i, out var symbol)
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = shape[i] });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape },
            },
        };
    }
}
