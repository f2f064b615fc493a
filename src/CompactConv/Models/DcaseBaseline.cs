using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// The DCASE2019 task 1 baseline CNN shape for log-mel input [1, mels, frames]: two 7x7 conv
/// blocks of 32 and 64 filters, each with BatchNorm, ReLU, max pooling and dropout 0.3, then a
/// dense layer of 100 units and the classifier. The baseline's second pooling (4x100) was sized
/// for 40x500 inputs to leave a 2x1 map; an adaptive max pool to 2x1 keeps that for any input.
/// </summary>
/// <remarks>
/// The first conv sees one channel, so it stays standard (nothing to pool or separate); the
/// second goes through <see cref="ConvFactory"/>. Width multiplies 32/64 and the dense layer.
/// </remarks>
public sealed class DcaseBaseline : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <summary>Builds the network for <paramref name="spec"/>.</summary>
    public DcaseBaseline(ModelSpec spec) : base(nameof(DcaseBaseline))
    {
        long c1 = SmallCnn.Scale(32, spec.Width), c2 = SmallCnn.Scale(64, spec.Width);
        long dense = Math.Max(8, (long)Math.Round(100 * spec.Width));
        features = nn.Sequential(
            ("conv1", ConvFactory.Create(ConvKind.Standard, spec.InputShape[0], c1, 7)),
            ("pool1", nn.MaxPool2d(5)),
            ("drop1", nn.Dropout(0.3)),
            ("conv2", ConvFactory.Create(spec.Conv, c1, c2, 7, options: spec.ConvOptions)),
            ("pool2", nn.AdaptiveMaxPool2d([2, 1])),
            ("drop2", nn.Dropout(0.3)),
            ("flatten", nn.Flatten()));
        classifier = nn.Sequential(
            ("fc1", nn.Linear(c2 * 2, dense)),
            ("relu", nn.ReLU(inplace: true)),
            ("drop3", nn.Dropout(0.3)),
            ("fc2", nn.Linear(dense, spec.NumClasses)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input) =>
        OnnxModuleExport.Export(graph, classifier, OnnxModuleExport.Export(graph, features, input));

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return classifier.call(features.call(input)).MoveToOuterDisposeScope();
    }
}
