using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Onnx;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace CompactConv.Tests.Onnx;

/// <summary>
/// ONNX Runtime against TorchSharp on exported registry models with random weights and BatchNorm
/// statistics: every conv kind on every CNN, and every interchannel op with both groupings on smallcnn,
/// at batch 1 and 3 (and two frame counts for the scene models, whose frame axis is symbolic).
/// </summary>
public class OnnxModelParityTests(ITestOutputHelper output)
{
    private static readonly string[] ImageModels = ["smallcnn", "resnet20", "mobilenetv2", "vgg11"];
    private static readonly string[] SceneModels = ["dcase-baseline", "audio-vgg"];

    public static TheoryData<string, ConvKind> EveryKindOnEveryModel()
    {
        var data = new TheoryData<string, ConvKind>();
        foreach (var model in ImageModels.Concat(SceneModels))
        {
            foreach (var kind in ConvKinds.All) data.Add(model, kind);
        }
        // resnet32 and resnet56 are resnet20's class with more blocks: the pool kind is enough.
        data.Add("resnet32", ConvKind.Compact);
        data.Add("resnet56", ConvKind.Compact);
        return data;
    }

    public static TheoryData<ChannelPoolOp, ChannelGrouping> EveryOpAndGrouping()
    {
        var data = new TheoryData<ChannelPoolOp, ChannelGrouping>();
        foreach (var op in Enum.GetValues<ChannelPoolOp>())
        {
            foreach (var grouping in Enum.GetValues<ChannelGrouping>()) data.Add(op, grouping);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindOnEveryModel))]
    public void EveryConvKindMatchesTorchSharp(string name, ConvKind kind)
    {
        bool scene = SceneModels.Contains(name);
        // 35 mels leave 7 bands before dcase-baseline's adaptive 2x1 pool: overlapping windows [0, 4) and [3, 7).
        int[] shape = scene ? [1, name == "dcase-baseline" ? 35 : 32, 48] : [name == "smallcnn" ? 1 : 3, 16, 16];
        var spec = new ModelSpec { Name = name, Conv = kind, Width = 0.25, InputShape = shape, NumClasses = 5 };
        long[][] inputs = scene
            ? [[1, .. shape.Select(d => (long)d)], [3, 1, shape[1], 40]]
            : [[1, .. shape.Select(d => (long)d)], [3, .. shape.Select(d => (long)d)]];

        double difference = ExportAndCompare(spec, scene, inputs);

        output.WriteLine($"{name} {kind.Name()}: max |ORT - torch| = {difference:E2}");
        Assert.True(difference <= OnnxParity.Tolerance, $"{name} {kind.Name()}: max |ORT - torch| = {difference:E2}");
    }

    [Theory]
    [MemberData(nameof(EveryOpAndGrouping))]
    public void EveryInterchannelOpAndGroupingMatchesTorchSharp(ChannelPoolOp op, ChannelGrouping grouping)
    {
        // r = 4 on 8 channels: the two groupings pick different members, so a swapped grouping shows.
        var options = ConvOptions.Default with { R = 4, Op = op, Grouping = grouping };
        var spec = new ModelSpec { Name = "smallcnn", Conv = ConvKind.Compact, ConvOptions = options, Width = 0.25, InputShape = [1, 16, 16], NumClasses = 5 };

        double difference = ExportAndCompare(spec, scene: false, [[1, 1, 16, 16], [3, 1, 16, 16]]);

        output.WriteLine($"compact {op.Name()} {grouping.Name()}: max |ORT - torch| = {difference:E2}");
        Assert.True(difference <= OnnxParity.Tolerance, $"compact {op.Name()} {grouping.Name()}: max |ORT - torch| = {difference:E2}");
    }

    private static double ExportAndCompare(ModelSpec spec, bool scene, long[][] inputs)
    {
        manual_seed(13);
        using var model = ModelRegistry.Create(spec);
        OnnxParity.RandomizeBatchNorms(model);
        var options = scene
            ? new OnnxExportOptions { InputName = "log_mel", SymbolicInputDims = new Dictionary<int, string> { [0] = "batch", [3] = "frames" } }
            : OnnxExportOptions.Default;
        var proto = OnnxExporter.Export(model, spec.InputShape, options);
        return OnnxParity.MaxDifference(model, proto, inputs);
    }
}
