using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// A VGG-style CNN for log-mel input [1, mels, frames] of any length: a standard 3x3 stem and
/// 2x2 pooling, then three blocks of two factory 3x3 convolutions (64, 128, 256 channels times the
/// width) each followed by 2x2 pooling, then global pooling (mean over frequency, then max plus
/// mean over time, as PANNs do), dropout and the classifier.
/// </summary>
public sealed class AudioVgg : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly nn.Module<Tensor, Tensor> fc;

    /// <summary>Builds the network for <paramref name="spec"/>.</summary>
    public AudioVgg(ModelSpec spec) : base(nameof(AudioVgg))
    {
        long c0 = SmallCnn.Scale(32, spec.Width);
        long[] widths = [SmallCnn.Scale(64, spec.Width), SmallCnn.Scale(128, spec.Width), SmallCnn.Scale(256, spec.Width)];
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("stem", ConvFactory.Create(ConvKind.Standard, spec.InputShape[0], c0, 3)),
            ("pool0", nn.MaxPool2d(2)),
        };
        long channels = c0;
        for (int b = 0; b < widths.Length; b++)
        {
            layers.Add(($"block{b + 1}a", ConvFactory.Create(spec.Conv, channels, widths[b], 3, options: spec.ConvOptions)));
            layers.Add(($"block{b + 1}b", ConvFactory.Create(spec.Conv, widths[b], widths[b], 3, options: spec.ConvOptions)));
            layers.Add(($"pool{b + 1}", nn.MaxPool2d(2)));
            channels = widths[b];
        }
        features = nn.Sequential(layers);
        dropout = nn.Dropout(0.3);
        fc = nn.Linear(channels, spec.NumClasses);
        RegisterComponents();
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input)
    {
        string maps = OnnxModuleExport.Export(graph, features, input);
        string overFrequency = graph.Reduce("ReduceMean", maps, [2], keepDims: false);
        string pooled = graph.Node("Add", "time_pool",
            [graph.Reduce("ReduceMax", overFrequency, [2], keepDims: false), graph.Reduce("ReduceMean", overFrequency, [2], keepDims: false)]);
        return OnnxModuleExport.Export(graph, fc, OnnxModuleExport.Export(graph, dropout, pooled));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var maps = features.call(input);              // [N, C, F', T']
        var overFrequency = maps.mean([2]);           // [N, C, T']
        var pooled = overFrequency.amax([2]) + overFrequency.mean([2]);
        return fc.call(dropout.call(pooled)).MoveToOuterDisposeScope();
    }
}
