using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace CompactConv.Tests.Onnx;

/// <summary>
/// The written file as a user without our code sees it: named input and output with a symbolic batch,
/// the normalisation inside the graph, and the metadata strings.
/// </summary>
public class OnnxFileContractTests
{
    [Fact]
    public void AFileTakesRawPixelsNormalisesInsideAndCarriesItsMetadata()
    {
        using var temp = new TempFolder();
        manual_seed(3);
        var spec = new ModelSpec { Name = "smallcnn", Conv = ConvKind.Compact, Width = 0.25, InputShape = [3, 16, 16], NumClasses = 4 };
        using var model = ModelRegistry.Create(spec);
        OnnxParity.RandomizeBatchNorms(model);
        model.eval();
        float[] mean = [0.4f, 0.5f, 0.6f], std = [0.2f, 0.25f, 0.3f];
        var options = new OnnxExportOptions
        {
            Normalization = InputNormalization.PerChannel(mean, std),
            Metadata = new Dictionary<string, string> { ["task"] = "image", ["class_names"] = "a,b,c,d" },
        };
        string path = Path.Combine(temp.Path, "sub", "model.onnx");

        OnnxExporter.ExportToFile(model, spec.InputShape, options, path);

        using var session = new InferenceSession(path);
        Assert.Equal("pixels", session.InputMetadata.Keys.Single());
        Assert.Equal("logits", session.OutputMetadata.Keys.Single());
        Assert.Equal("batch", session.InputMetadata["pixels"].SymbolicDimensions[0]);
        Assert.Equal(new[] { -1, 3, 16, 16 }, session.InputMetadata["pixels"].Dimensions);
        Assert.Equal("image", session.ModelMetadata.CustomMetadataMap["task"]);
        Assert.Equal("a,b,c,d", session.ModelMetadata.CustomMetadataMap["class_names"]);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pixels = rand(2, 3, 16, 16);
        var normalized = (pixels - tensor(mean).reshape(1, 3, 1, 1)) / tensor(std).reshape(1, 3, 1, 1);
        var expected = model.call(normalized).data<float>().ToArray();
        var actual = OnnxParity.RunOnnx(session, pixels, out _);
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= OnnxParity.Tolerance));
    }

    [Fact]
    public void PerBandNormalisationRunsAlongTheMelAxis()
    {
        using var model = nn.Sequential(("identity", nn.Identity()));
        float[] mean = [1f, 2f, 3f], std = [1f, 2f, 4f];
        var options = new OnnxExportOptions { InputName = "log_mel", Normalization = InputNormalization.PerBand(mean, std) };
        using var session = OnnxParity.Session(OnnxExporter.Export(model, [1, 3, 2], options));
        using var input = tensor(new float[] { 1, 1, 4, 6, 7, 11 }).reshape(1, 1, 3, 2);

        var output = OnnxParity.RunOnnx(session, input, out _);

        Assert.Equal(new float[] { 0, 0, 1, 2, 1, 2 }, output);
    }

    [Fact]
    public void ExportingLeavesEveryModulesTrainingModeAsItWas()
    {
        var spec = new ModelSpec { Name = "smallcnn", Width = 0.25, InputShape = [1, 8, 8], NumClasses = 2 };
        using var model = ModelRegistry.Create(spec);
        model.train();
        var frozen = model.modules().OfType<TorchSharp.Modules.BatchNorm2d>().First();
        frozen.eval();

        OnnxExporter.Export(model, spec.InputShape);

        Assert.True(model.training);
        Assert.False(frozen.training);
        Assert.All(model.modules().OfType<TorchSharp.Modules.Conv2d>(), conv => Assert.True(conv.training));
    }
}
