using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// MobileNetV2 (Sandler et al. 2018, table 2) for 32x32 inputs: a standard 3x3 stem of 32 channels,
/// seventeen <see cref="InvertedResidual"/> blocks in seven stages, a 1x1 convolution to 1280
/// channels, global average pooling, dropout 0.2 and a linear classifier; BatchNorm and ReLU6
/// throughout. With the <see cref="ConvKind.Separable"/> kind this is MobileNetV2 itself.
/// </summary>
/// <remarks>
/// <para>CIFAR stride adjustment (the usual one for 32x32 inputs): the stem has stride 1 instead of
/// 2, and the second stage (t = 6, 24 channels) stride 1 instead of 2. The network then downsamples
/// three times (stages 3, 4 and 6), 32x32 -> 4x4, where ImageNet's 224x224 ends at 7x7 after five.</para>
/// <para>The width multiplier scales every channel count (rounded to a multiple of 8) and the last
/// 1x1 convolution only when above 1, as in the paper. The stem and the 1x1 head stay standard for
/// every kind: the stem sees 1 or 3 channels, and the head has no spatial extent to factor.</para>
/// </remarks>
public sealed class MobileNetV2 : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    /// <summary>Stages as (expansion t, output channels c, blocks n, stride of the first block s), CIFAR strides.</summary>
    public static IReadOnlyList<(int Expansion, int Channels, int Blocks, int Stride)> Stages { get; } =
    [
        (1, 16, 1, 1),
        (6, 24, 2, 1), // 2 in the paper; 1 for 32x32 inputs
        (6, 32, 3, 2),
        (6, 64, 4, 2),
        (6, 96, 3, 1),
        (6, 160, 3, 2),
        (6, 320, 1, 1),
    ];

    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly nn.Module<Tensor, Tensor> blocks;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <summary>Builds the network for <paramref name="spec"/>.</summary>
    public MobileNetV2(ModelSpec spec) : base(nameof(MobileNetV2))
    {
        var options = spec.ConvOptions with { Activation = ActivationKind.ReLU6, OutputActivation = ActivationKind.ReLU6 };
        long channels = SmallCnn.Scale(32, spec.Width);
        stem = new ConvNormAct(spec.InputShape[0], channels, 3, activation: ActivationKind.ReLU6);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int s = 0; s < Stages.Count; s++)
        {
            var (expansion, baseChannels, count, stride) = Stages[s];
            long width = SmallCnn.Scale(baseChannels, spec.Width);
            for (int b = 0; b < count; b++)
            {
                layers.Add(($"stage{s + 1}_block{b + 1}", new InvertedResidual(spec.Conv, channels, width, b == 0 ? stride : 1, expansion, options)));
                channels = width;
            }
        }
        blocks = nn.Sequential(layers);
        long last = spec.Width > 1 ? SmallCnn.Scale(1280, spec.Width) : 1280;
        head = new ConvNormAct(channels, last, 1, activation: ActivationKind.ReLU6);
        classifier = nn.Sequential(
            ("gap", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()),
            ("dropout", nn.Dropout(0.2)),
            ("fc", nn.Linear(last, spec.NumClasses)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input) =>
        OnnxModuleExport.Export(graph, classifier, OnnxModuleExport.Export(graph, head, OnnxModuleExport.Export(graph, blocks, OnnxModuleExport.Export(graph, stem, input))));

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return classifier.call(head.call(blocks.call(stem.call(input)))).MoveToOuterDisposeScope();
    }
}
