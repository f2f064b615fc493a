using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// VGG-11 (configuration A of Simonyan and Zisserman 2015) with BatchNorm, for 32x32 inputs: eight
/// 3x3 convolutions (64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M; M = 2x2 max pooling),
/// global average pooling and a small classifier (512 -> 512, ReLU, dropout 0.5, -> classes) in
/// place of ImageNet's 4096-unit layers.
/// </summary>
/// <remarks>
/// The first convolution stays standard (1 or 3 input channels); the other seven come from
/// <see cref="ConvFactory"/>. Pooling rounds up (ceil mode), so a 28x28 input goes
/// 28 -> 14 -> 7 -> 4 -> 2 -> 1 like a 32x32 one goes 32 -> ... -> 1, instead of vanishing at the
/// fifth pool; for even sizes ceil and floor agree.
/// </remarks>
public sealed class Vgg11 : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    /// <summary>The configuration: output channels of each convolution, 0 for a max pooling.</summary>
    public static IReadOnlyList<int> Configuration { get; } = [64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0];

    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <summary>Builds the network for <paramref name="spec"/>; the width multiplier scales every layer, the hidden one included.</summary>
    public Vgg11(ModelSpec spec) : base(nameof(Vgg11))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long channels = spec.InputShape[0];
        int conv = 0, pool = 0;
        foreach (int width in Configuration)
        {
            if (width == 0)
            {
                layers.Add(($"pool{++pool}", nn.MaxPool2d(2, ceil_mode: true)));
                continue;
            }
            long outChannels = SmallCnn.Scale(width, spec.Width);
            var kind = conv == 0 ? ConvKind.Standard : spec.Conv;
            layers.Add(($"conv{++conv}", ConvFactory.Create(kind, channels, outChannels, 3, options: spec.ConvOptions)));
            channels = outChannels;
        }
        layers.Add(("gap", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        features = nn.Sequential(layers);
        classifier = nn.Sequential(
            ("fc1", nn.Linear(channels, channels)),
            ("relu", nn.ReLU(inplace: true)),
            ("dropout", nn.Dropout(0.5)),
            ("fc2", nn.Linear(channels, spec.NumClasses)));
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
