using CompactConv.Layers;
using CompactConv.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// The CIFAR ResNets of He et al. 2016 (section 4.2): a standard 3x3 stem of 16 channels, three
/// stages of n <see cref="BasicBlock"/>s with 16, 32 and 64 channels (times the width multiplier),
/// stride 2 at the first block of stages 2 and 3, global average pooling and a linear classifier.
/// Depth 6n + 2: resnet20 (n = 3), resnet32 (n = 5), resnet56 (n = 9).
/// </summary>
/// <remarks>
/// Every 3x3 convolution of the blocks comes from <see cref="ConvFactory"/> with the spec's kind; the
/// stem stays standard, since its 1 or 3 input channels leave nothing to pool or separate.
/// Any input of at least 4x4 works (28x28 gives 7x7 maps in the last stage, 32x32 gives 8x8).
/// </remarks>
public sealed class CifarResNet : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly nn.Module<Tensor, Tensor> stages;
    private readonly nn.Module<Tensor, Tensor> pool;
    private readonly nn.Module<Tensor, Tensor> fc;

    /// <summary>Basic blocks in each of the three stages.</summary>
    public int BlocksPerStage { get; }

    /// <summary>Builds a ResNet-(6n+2) for <paramref name="spec"/> with n = <paramref name="blocksPerStage"/>.</summary>
    public CifarResNet(ModelSpec spec, int blocksPerStage) : base(nameof(CifarResNet))
    {
        if (blocksPerStage < 1) throw new ArgumentException($"resnet: blocks per stage must be at least 1, got {blocksPerStage}");
        BlocksPerStage = blocksPerStage;
        long[] widths = [SmallCnn.Scale(16, spec.Width), SmallCnn.Scale(32, spec.Width), SmallCnn.Scale(64, spec.Width)];
        stem = ConvFactory.Create(ConvKind.Standard, spec.InputShape[0], widths[0], 3);
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        long channels = widths[0];
        for (int s = 0; s < widths.Length; s++)
        {
            for (int b = 0; b < blocksPerStage; b++)
            {
                long stride = s > 0 && b == 0 ? 2 : 1;
                blocks.Add(($"stage{s + 1}_block{b + 1}", new BasicBlock(spec.Conv, channels, widths[s], stride, spec.ConvOptions)));
                channels = widths[s];
            }
        }
        stages = nn.Sequential(blocks);
        pool = nn.Sequential(("gap", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten()));
        fc = nn.Linear(channels, spec.NumClasses);
        RegisterComponents();
    }

    /// <summary>n of a ResNet of <paramref name="depth"/> layers (6n + 2); throws for other depths.</summary>
    public static int BlocksForDepth(int depth)
    {
        if (depth < 8 || (depth - 2) % 6 != 0) throw new ArgumentException($"resnet: depth must be 6n + 2 with n >= 1, got {depth}");
        return (depth - 2) / 6;
    }

    /// <inheritdoc />
    public string Export(IOnnxGraph graph, string input) =>
        OnnxModuleExport.Export(graph, fc, OnnxModuleExport.Export(graph, pool, OnnxModuleExport.Export(graph, stages, OnnxModuleExport.Export(graph, stem, input))));

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fc.call(pool.call(stages.call(stem.call(input)))).MoveToOuterDisposeScope();
    }
}
