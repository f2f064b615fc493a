using CompactConv.Export;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace CompactConv.Tests.Onnx;

/// <summary>
/// The CRNNs and the GRU mapping: ONNX Runtime against TorchSharp at two frame counts (the frame axis
/// is symbolic in the file) and batch 1 and 3.
/// </summary>
public class OnnxRecurrentParityTests(ITestOutputHelper output)
{
    private static readonly SymbolicDims FrameDims = new(new Dictionary<int, string> { [0] = "batch", [3] = "frames" },
        new Dictionary<int, string> { [0] = "batch", [1] = "frames" });

    private sealed record SymbolicDims(IReadOnlyDictionary<int, string> Input, IReadOnlyDictionary<int, string> Output);

    public static TheoryData<string, ConvKind> CrnnGrid()
    {
        var data = new TheoryData<string, ConvKind>();
        foreach (var kind in ConvKinds.All) data.Add("crnn", kind);
        data.Add("crnn-att", ConvKind.Compact);
        return data;
    }

    [Theory]
    [MemberData(nameof(CrnnGrid))]
    public void CrnnFrameLogitsMatchTorchSharpAtTwoFrameCounts(string name, ConvKind kind)
    {
        manual_seed(17);
        var spec = new ModelSpec { Name = name, Conv = kind, Width = 0.25, InputShape = [1, 32, 20], NumClasses = 3 };
        using var model = ModelRegistry.Create(spec);
        OnnxParity.RandomizeBatchNorms(model);
        var options = new OnnxExportOptions { InputName = "log_mel", SymbolicInputDims = FrameDims.Input, SymbolicOutputDims = FrameDims.Output };

        var proto = OnnxExporter.Export(model, spec.InputShape, options);
        double difference = OnnxParity.MaxDifference(model, proto, [1, 1, 32, 20], [3, 1, 32, 33]);

        output.WriteLine($"{name} {kind.Name()}: max |ORT - torch| = {difference:E2}");
        Assert.True(difference <= OnnxParity.Tolerance, $"{name} {kind.Name()}: max |ORT - torch| = {difference:E2}");
    }

    [Fact]
    public void EventFilesReturnFrameProbabilities()
    {
        manual_seed(19);
        var spec = new ModelSpec { Name = "crnn", Width = 0.25, InputShape = [1, 32, 20], NumClasses = 3 };
        using var model = ModelRegistry.Create(spec);
        model.eval();
        var options = new OnnxExportOptions
        {
            InputName = "log_mel", OutputName = "frame_probabilities", OutputActivation = OnnxOutputActivation.Sigmoid,
            SymbolicInputDims = FrameDims.Input, SymbolicOutputDims = FrameDims.Output,
        };
        using var session = OnnxParity.Session(OnnxExporter.Export(model, spec.InputShape, options));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = randn(2, 1, 32, 27);

        var actual = OnnxParity.RunOnnx(session, input, out var shape);

        Assert.Equal(new long[] { 2, 27, 3 }, shape);
        Assert.Equal("frames", session.OutputMetadata["frame_probabilities"].SymbolicDimensions[1]);
        var expected = sigmoid(model.call(input)).data<float>().ToArray();
        Assert.All(expected.Zip(actual), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= OnnxParity.Tolerance));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public void GruGatesAreReorderedForOnnx(bool bidirectional, int layers)
    {
        // With (r, z, n) written as ONNX's (z, r, h), or the reset applied before the recurrent product,
        // the outputs differ by far more than the tolerance for random weights.
        manual_seed(23);
        using var model = new GruOnly(nn.GRU(5, 4, numLayers: layers, batchFirst: true, bidirectional: bidirectional));
        using var noGrad = no_grad();
        foreach (var (_, parameter) in model.named_parameters()) parameter.uniform_(-0.8, 0.8);
        var options = new OnnxExportOptions
        {
            InputName = "sequence", SymbolicInputDims = new Dictionary<int, string> { [0] = "batch", [1] = "steps" },
            SymbolicOutputDims = new Dictionary<int, string> { [0] = "batch", [1] = "steps" },
        };

        var proto = OnnxExporter.Export(model, [6, 5], options);

        Assert.True(OnnxParity.MaxDifference(model, proto, [1, 6, 5], [3, 11, 5]) <= OnnxParity.Tolerance);
        Assert.All(proto.Graph.Node.Where(n => n.OpType == "GRU"), n => Assert.Equal(1, n.Attribute.Single(a => a.Name == "linear_before_reset").I));
    }

    private sealed class GruOnly : nn.Module<Tensor, Tensor>, IOnnxExportable
    {
        private readonly GRU gru;

        public GruOnly(GRU gru) : base(nameof(GruOnly))
        {
            this.gru = gru;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => gru.call(input).Item1;

        public string Export(IOnnxGraph graph, string input) => OnnxRecurrentExport.Gru(graph, gru, input, batchFirst: true);
    }
}
