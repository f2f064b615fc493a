namespace CompactConv.Onnx;

/// <summary>What the exported graph applies to the model's output before returning it.</summary>
public enum OnnxOutputActivation
{
    /// <summary>The model's output as is (logits).</summary>
    None,
    /// <summary>Element-wise logistic sigmoid (independent class probabilities, e.g. frame-wise events).</summary>
    Sigmoid,
    /// <summary>Softmax over the last axis (probabilities of exclusive classes).</summary>
    Softmax,
}

/// <summary>How <see cref="OnnxExporter"/> writes a model: opset, names, symbolic dimensions, normalisation and metadata.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>The lowest opset written (Softmax and the axes-as-input forms of ReduceSum/Squeeze need 13).</summary>
    public const int MinOpset = 13;

    /// <summary>The highest opset written (the Reduce* axes moved from attribute to input at 18).</summary>
    public const int MaxOpset = 18;

    /// <summary>Defaults: opset 17, input <c>pixels</c>, output <c>logits</c>, symbolic batch, no normalisation or metadata.</summary>
    public static OnnxExportOptions Default { get; } = new();

    /// <summary>The default-domain opset, <see cref="MinOpset"/> to <see cref="MaxOpset"/>.</summary>
    public int Opset { get; init; } = 17;

    /// <summary>Name of the graph input (<c>pixels</c> for images, <c>log_mel</c> for audio).</summary>
    public string InputName { get; init; } = "pixels";

    /// <summary>Name of the graph output.</summary>
    public string OutputName { get; init; } = "logits";

    /// <summary>Input dimensions (by index, batch included) written as named symbols instead of fixed sizes.</summary>
    public IReadOnlyDictionary<int, string> SymbolicInputDims { get; init; } = new Dictionary<int, string> { [0] = "batch" };

    /// <summary>Output dimensions written as named symbols; the others get the sizes seen on the example input.</summary>
    public IReadOnlyDictionary<int, string> SymbolicOutputDims { get; init; } = new Dictionary<int, string> { [0] = "batch" };

    /// <summary>Normalisation applied inside the graph before the model, or null for none.</summary>
    public InputNormalization? Normalization { get; init; }

    /// <summary>
    /// A function applied to the model's output inside the graph: <see cref="OnnxOutputActivation.Sigmoid"/>
    /// turns an event model's frame logits into the frame probabilities its contract promises.
    /// </summary>
    public OnnxOutputActivation OutputActivation { get; init; } = OnnxOutputActivation.None;

    /// <summary>Strings stored in the file's metadata_props (task, class names, input description, front-end settings).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        if (Opset < MinOpset || Opset > MaxOpset)
            throw new ArgumentException($"{nameof(OnnxExportOptions)}.{nameof(Opset)} must be {MinOpset} to {MaxOpset}, got {Opset}");
        ArgumentException.ThrowIfNullOrWhiteSpace(InputName);
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputName);
        if (InputName == OutputName) throw new ArgumentException($"ONNX export: input and output are both named '{InputName}'");
    }
}
