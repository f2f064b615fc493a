using CompactConv.Export;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Onnx;

/// <summary>
/// The mappings that give wrong numbers (not errors) when written the obvious way: each test runs
/// the exported module in ONNX Runtime, so it fails if the trap is walked into.
/// </summary>
public class OnnxMappingTrapTests
{
    [Fact]
    public void AveragePoolCountsPaddingAndDefaultsItsStrideToTheKernelLikeTorch()
    {
        // ONNX's defaults (count_include_pad = 0, strides = 1) change the border values and the output size.
        using var padded = nn.Sequential(("pool", nn.AvgPool2d(3, stride: 2, padding: 1)));
        using var unstrided = nn.Sequential(("pool", nn.AvgPool2d(2)));

        foreach (var model in new[] { padded, unstrided })
        {
            var proto = OnnxExporter.Export(model, [2, 7, 7]);
            Assert.True(OnnxParity.MaxDifference(model, proto, [1, 2, 7, 7], [3, 2, 7, 7]) <= OnnxParity.Tolerance);
        }
        var node = OnnxExporter.Export(padded, [2, 7, 7]).Graph.Node.Single(n => n.OpType == "AveragePool");
        Assert.Equal(1, node.Attribute.Single(a => a.Name == "count_include_pad").I);
        Assert.Equal(new long[] { 2, 2 }, node.Attribute.Single(a => a.Name == "strides").Ints);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(18)]
    public void ChannelPoolWritesReduceAxesInTheFormItsOpsetReads(int opset)
    {
        // Up to opset 17 ReduceMax takes axes as an attribute, from 18 as an input; ORT rejects the other form.
        manual_seed(5);
        var spec = new ModelSpec { Name = "smallcnn", Conv = ConvKind.Compact, Width = 0.25, InputShape = [1, 16, 16], NumClasses = 4 };
        using var model = ModelRegistry.Create(spec);
        OnnxParity.RandomizeBatchNorms(model);

        var proto = OnnxExporter.Export(model, spec.InputShape, new OnnxExportOptions { Opset = opset });

        var reduce = proto.Graph.Node.First(n => n.OpType == "ReduceMax");
        bool axesAsInput = opset >= OnnxGraphExtensions.ReduceAxesAsInputOpset;
        Assert.Equal(axesAsInput ? 2 : 1, reduce.Input.Count);
        Assert.Equal(!axesAsInput, reduce.Attribute.Any(a => a.Name == "axes"));
        Assert.Equal(opset, proto.OpsetImport.Single().Version);
        Assert.True(OnnxParity.MaxDifference(model, proto, [1, 1, 16, 16], [3, 1, 16, 16]) <= OnnxParity.Tolerance);
    }

    [Fact]
    public void AdaptivePoolsCutPyTorchsOverlappingWindowsForSizesKnownOnlyAtRunTime()
    {
        // 7 rows into 3 cells: windows [0, 3), [2, 5), [4, 7); 5 columns into 2: [0, 3), [2, 5).
        using var mean = nn.Sequential(("pool", nn.AdaptiveAvgPool2d([3, 2])), ("flatten", nn.Flatten()));
        using var max = nn.Sequential(("pool", nn.AdaptiveMaxPool2d([3, 1])), ("flatten", nn.Flatten()));

        foreach (var model in new[] { mean, max })
        {
            var options = new OnnxExportOptions { SymbolicInputDims = new Dictionary<int, string> { [0] = "batch", [2] = "h", [3] = "w" } };
            var proto = OnnxExporter.Export(model, [2, 7, 5], options);
            Assert.True(OnnxParity.MaxDifference(model, proto, [1, 2, 7, 5], [3, 2, 9, 11]) <= OnnxParity.Tolerance);
        }
    }

    [Fact]
    public void AModuleWithoutAMappingIsRefusedByItsTypeNeverSkipped()
    {
        using var model = nn.Sequential(("conv", nn.Conv2d(1, 4, 3)), ("gelu", nn.GELU()));

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(model, [1, 8, 8]));

        Assert.Contains("TorchSharp.Modules.GELU", error.Message);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(19)]
    public void OpsetsOutsideThirteenToEighteenAreRefused(int opset)
    {
        using var model = nn.Sequential(("relu", nn.ReLU()));

        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.Export(model, [1, 4, 4], new OnnxExportOptions { Opset = opset }));

        Assert.Contains($"got {opset}", error.Message);
    }
}
