using CompactConv.Deployment;
using CompactConv.Layers;
using CompactConv.Onnx;
using CompactConv.Pipelines;
using CompactConv.Runtime;
using CompactConv.Tests.Training;
using static TorchSharp.torch;

namespace CompactConv.Tests.Runtime.Deployed;

/// <summary>A file the runtime cannot use is refused in one line that names the file and the missing or wrong key.</summary>
public sealed class DeployedModelRefusalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AnImageModelIsNotAScenesModel()
    {
        string model = DeployedRuns.ImageModel(_temp);

        var e = Assert.Throws<DataException>(() => SceneClassifier.Open(model));

        Assert.Equal($"{model}: compactconv.task is 'image', but this needs a 'scenes' model", e.Message);
    }

    [Fact]
    public void AnOnnxFileWithoutOurMetadataIsRefusedNamingTheTaskKey()
    {
        string model = Export(new Dictionary<string, string>());

        var e = Assert.Throws<DataException>(() => DeployedModel.Open(model));

        Assert.Equal($"{model}: no compactconv.task in the model's metadata: not a model written by 'compactconv export'", e.Message);
    }

    [Fact]
    public void AnEventModelWithoutPostProcessingIsRefusedNamingThatKey()
    {
        var config = SyntheticImages.Config(epochs: 1) with
        {
            Task = "events",
            Features = new() { SampleRate = 8000, NFft = 256, HopLength = 128, NMels = 16 },
            Normalization = new(new double[16], Enumerable.Repeat(1.0, 16).ToArray()),
        };
        var metadata = ExportMetadata.For(config, "log_mel").Where(kv => kv.Key != ModelMetadataKeys.PostProcessing).ToDictionary();
        string model = Export(metadata);

        var e = Assert.Throws<DataException>(() => EventDetector.Open(model));

        Assert.Equal($"{model}: no compactconv.post_processing in the model's metadata: not a model written by 'compactconv export'", e.Message);
    }

    [Fact]
    public void AFileThatIsNotOnnxIsRefusedInOneLineNamingIt()
    {
        string path = _temp.File("notes.onnx");
        File.WriteAllText(path, "not a model");

        var e = Assert.Throws<DataException>(() => DeployedModel.Open(path));

        Assert.StartsWith($"{path}: not a model ONNX Runtime can load: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal($"{_temp.File("missing.onnx")}: no such model file", Assert.Throws<DataException>(() => DeployedModel.Open(_temp.File("missing.onnx"))).Message);
    }

    [Fact]
    public void ThreadsBelowOneAreRefusedByTheirOptionName()
    {
        var e = Assert.Throws<ArgumentException>(() => DeployedModel.Open(DeployedRuns.ImageModel(_temp), new DeployedModelOptions { IntraOpThreads = 0 }));

        Assert.Equal("DeployedModelOptions.IntraOpThreads must be 1 or more, got 0", e.Message);
    }

    // A one-layer model exported with exactly the metadata given.
    private string Export(IReadOnlyDictionary<string, string> metadata)
    {
        using var layer = new ConvNormAct(1, 2, 3);
        string path = _temp.File($"model-{metadata.Count}.onnx");
        OnnxExporter.ExportToFile(layer, [1, 8, 8], OnnxExportOptions.Default with { Metadata = metadata }, path);
        return path;
    }
}
