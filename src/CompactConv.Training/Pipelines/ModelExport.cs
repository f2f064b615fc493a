using CompactConv.Deployment;
using CompactConv.Onnx;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>What <see cref="ModelExport.Export"/> takes: a run folder, which weights, where to write and the opset.</summary>
public sealed record ExportRequest
{
    /// <summary>The run folder whose model is exported.</summary>
    public required string RunFolder { get; init; }

    /// <summary>The best epoch's weights (chosen on validation data) instead of the last epoch's.</summary>
    public bool Best { get; init; }

    /// <summary>The ONNX file to write (atomically).</summary>
    public required string OutputPath { get; init; }

    /// <summary>ONNX opset, <see cref="OnnxExportOptions.MinOpset"/> to <see cref="OnnxExportOptions.MaxOpset"/>.</summary>
    public int Opset { get; init; } = OnnxExportOptions.Default.Opset;
}

/// <summary>What <see cref="ModelExport.Export"/> wrote.</summary>
/// <param name="Path">The ONNX file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Task">The run's task.</param>
/// <param name="Input">The input contract in words (as the file's metadata says).</param>
/// <param name="Output">The output's name.</param>
public sealed record ExportResult(string Path, long Bytes, string Task, string Input, string Output);

/// <summary>
/// A trained run as a self-describing ONNX file (docs/deployment.md): image models take <c>pixels</c>
/// (pixel / 255), scene and event models un-normalised log-mel, with the run's normalisation inside the graph;
/// classifiers return <c>logits</c>, event models <c>frame_probabilities</c> with any number of frames; the
/// batch dimension is symbolic; <see cref="ExportMetadata"/> fills the file's metadata.
/// </summary>
public static class ModelExport
{
    /// <summary>Image models' input name.</summary>
    public const string PixelsInput = "pixels";

    /// <summary>Audio models' input name.</summary>
    public const string LogMelInput = "log_mel";

    /// <summary>Classifiers' output name.</summary>
    public const string LogitsOutput = "logits";

    /// <summary>Event models' output name: sigmoid probabilities [N, frames, classes].</summary>
    public const string FrameProbabilitiesOutput = "frame_probabilities";

    /// <summary>Exports the run in <see cref="ExportRequest.RunFolder"/>.</summary>
    /// <exception cref="NotSupportedException">The model holds a module without an ONNX mapping; names it.</exception>
    public static ExportResult Export(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The opset is checked before the weights are read.
        (OnnxExportOptions.Default with { Opset = request.Opset }).Validate();
        using var run = TrainedRun.Open(request.RunFolder, request.Best, CPU);
        var config = run.Config;
        var mean = config.Normalization.Mean.Select(v => (float)v).ToArray();
        var std = config.Normalization.Std.Select(v => (float)v).ToArray();
        bool audio = config.Features is not null, events = config.Task == "events";
        string input = audio ? LogMelInput : PixelsInput;
        var options = new OnnxExportOptions
        {
            Opset = request.Opset,
            InputName = input,
            OutputName = events ? FrameProbabilitiesOutput : LogitsOutput,
            Normalization = audio ? InputNormalization.PerBand(mean, std) : InputNormalization.PerChannel(mean, std),
            Metadata = ExportMetadata.For(config, input),
        };
        if (events)
        {
            // The recurrent models take any number of frames: frames are symbolic in and out, and the output
            // is the frame probabilities the post-processing thresholds.
            options = options with
            {
                SymbolicInputDims = new Dictionary<int, string> { [0] = "batch", [3] = "frames" },
                SymbolicOutputDims = new Dictionary<int, string> { [0] = "batch", [1] = "frames" },
                OutputActivation = OnnxOutputActivation.Sigmoid,
            };
        }
        OnnxExporter.ExportToFile(run.Model, config.Model.InputShape, options, request.OutputPath);
        return new ExportResult(Path.GetFullPath(request.OutputPath), new FileInfo(request.OutputPath).Length, config.Task,
            options.Metadata[ModelMetadataKeys.Input], options.OutputName);
    }
}
