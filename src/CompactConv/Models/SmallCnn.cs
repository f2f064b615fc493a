using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// A three-stage CNN for 28x28 images (MNIST-sized): a standard 3x3 stem, then five factory
/// convolutions at 28x28 (1), 14x14 (2) and 7x7 (2) with max pooling between stages, global
/// average pooling, dropout and a linear classifier. Base widths 32/64/128 times the width multiplier.
/// </summary>
/// <remarks>
/// The stem stays standard for every kind: with one input channel there is nothing to pool or
/// separate, as in MobileNet, whose first layer is a full convolution too.
/// </remarks>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <summary>Builds the network for <paramref name="spec"/> (any input size divisible by 4).</summary>
    public SmallCnn(ModelSpec spec) : base(nameof(SmallCnn))
    {
        long c1 = Scale(32, spec.Width), c2 = Scale(64, spec.Width), c3 = Scale(128, spec.Width);
        long inChannels = spec.InputShape[0];
        var options = spec.ConvOptions;
        nn.Module<Tensor, Tensor> Conv(long cin, long cout) => ConvFactory.Create(spec.Conv, cin, cout, 3, options: options);

        features = nn.Sequential(
            ("stem", ConvFactory.Create(ConvKind.Standard, inChannels, c1, 3)),
            ("stage1", Conv(c1, c1)),
            ("pool1", nn.MaxPool2d(2)),
            ("stage2a", Conv(c1, c2)),
            ("stage2b", Conv(c2, c2)),
            ("pool2", nn.MaxPool2d(2)),
            ("stage3a", Conv(c2, c3)),
            ("stage3b", Conv(c3, c3)),
            ("gap", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()));
        classifier = nn.Sequential(
            ("dropout", nn.Dropout(0.2)),
            ("fc", nn.Linear(c3, spec.NumClasses)));
        RegisterComponents();
    }

    /// <summary>Channels after the width multiplier, rounded to a multiple of 8 (so r = 2, 4, 8 always divide them).</summary>
    public static long Scale(int baseChannels, double width) =>
        Math.Max(8, (long)Math.Round(baseChannels * ModelSpec.CheckWidth(width) / 8.0) * 8);

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
