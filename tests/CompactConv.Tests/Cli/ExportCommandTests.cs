using System.Text.Json;
using CompactConv.Data;
using CompactConv.Deployment;
using CompactConv.Pipelines;
using CompactConv.Tests.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CompactConv.Tests.Cli;

/// <summary>
/// <c>export</c> on a trained image run: the file takes pixel / 255 (the run's normalisation is inside it), gives
/// the probabilities <c>predict</c> gives, and says what it is in its metadata.
/// </summary>
public sealed class ExportCommandTests(SeparableImageRun fixture) : IClassFixture<SeparableImageRun>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheExportedModelGivesPredictsProbabilitiesOnRawPixelsAndDescribesItself()
    {
        string model = _temp.File("model.onnx");
        var export = CliHarness.Run("export", "--checkpoint", fixture.Run, "--best", "--out", model);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains($"wrote {model}", export.Out);

        // Ten clean images, one per class, as predict reads them.
        string idx = _temp.File("clean.idx.gz");
        var pixels = new byte[10 * 28 * 28];
        for (int k = 0; k < pixels.Length; k++) pixels[k] = SeparableImageRun.InBlock(k / 784, k % 28, k % 784 / 28) ? (byte)220 : (byte)20;
        IdxWriter.Write(idx, new IdxArray([10, 28, 28], pixels), gzip: true);
        var predict = CliHarness.Run("predict", "--checkpoint", fixture.Run, "--best", "--json", idx);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var expected = JsonDocument.Parse(predict.Out).RootElement.EnumerateArray()
            .Select(p => p.GetProperty("probabilities").EnumerateObject().Select(o => o.Value.GetDouble()).ToArray()).ToList();

        using var session = new InferenceSession(model);
        var input = new DenseTensor<float>(pixels.Select(b => b / 255f).ToArray(), [10, 1, 28, 28]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelExport.PixelsInput, input)]);
        var logits = results.Single(r => r.Name == ModelExport.LogitsOutput).AsTensor<float>();
        for (int i = 0; i < 10; i++)
        {
            var row = Enumerable.Range(0, 10).Select(c => (double)logits[i, c]).ToArray();
            double max = row.Max(), sum = row.Sum(v => Math.Exp(v - max));
            for (int c = 0; c < 10; c++) Assert.True(Math.Abs(expected[i][c] - Math.Exp(row[c] - max) / sum) <= 1e-4, $"image {i}, class {c}");
        }

        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("image", metadata[ModelMetadataKeys.Task]);
        Assert.Equal(MnistFamily.MnistClasses, JsonSerializer.Deserialize<string[]>(metadata[ModelMetadataKeys.Classes]));
        Assert.StartsWith("pixels: float32 [N, 1, 28, 28]", metadata[ModelMetadataKeys.Input]);
        // The batch is symbolic.
        Assert.Equal(-1, session.InputMetadata[ModelExport.PixelsInput].Dimensions[0]);
    }

    [Fact]
    public void PredictOnTheExportedFileGivesTheRunsLabelsAndProbabilities()
    {
        string model = _temp.File("model.onnx");
        Assert.Equal(0, CliHarness.Run("export", "--checkpoint", fixture.Run, "--best", "--out", model).ExitCode);
        string idx = _temp.File("mixed.idx.gz");
        var pixels = new byte[6 * 28 * 28];
        for (int k = 0; k < pixels.Length; k++) pixels[k] = SeparableImageRun.InBlock(k / 784 + 2, k % 28, k % 784 / 28) ? (byte)200 : (byte)30;
        IdxWriter.Write(idx, new IdxArray([6, 28, 28], pixels), gzip: true);

        var fromRun = CliHarness.Run("predict", "--checkpoint", fixture.Run, "--best", "--json", idx);
        var fromFile = CliHarness.Run("predict", "--model", model, "--json", idx);

        Assert.True(fromFile.ExitCode == 0, fromFile.Error);
        var expected = JsonDocument.Parse(fromRun.Out).RootElement.EnumerateArray().ToList();
        var actual = JsonDocument.Parse(fromFile.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(expected.Select(p => (p.GetProperty("file").GetString(), p.GetProperty("label").GetString())),
            actual.Select(p => (p.GetProperty("file").GetString(), p.GetProperty("label").GetString())));
        foreach (var (e, a) in expected.Zip(actual))
        {
            foreach (var c in e.GetProperty("probabilities").EnumerateObject())
                Assert.True(Math.Abs(c.Value.GetDouble() - a.GetProperty("probabilities").GetProperty(c.Name).GetDouble()) <= 1e-4, c.Name);
        }
    }

    [Theory]
    [InlineData(false, false, "give either --checkpoint RUN (a run folder) or --model MODEL.onnx (an exported file), not both and not neither")]
    [InlineData(true, true, "give either --checkpoint RUN (a run folder) or --model MODEL.onnx (an exported file), not both and not neither")]
    public void PredictTakesARunFolderOrAnExportedFileNotBothNorNeither(bool withRun, bool withModel, string error)
    {
        string[] args = ["predict", .. withRun ? ["--checkpoint", fixture.Run] : Array.Empty<string>(), .. withModel ? ["--model", _temp.File("m.onnx")] : Array.Empty<string>(), "x.png"];
        var result = CliHarness.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {error}", result.Error.Trim());
    }

    [Fact]
    public void AnImpossibleOpsetIsAUsageErrorAndWritesNothing()
    {
        string model = _temp.File("model.onnx");
        var result = CliHarness.Run("export", "--checkpoint", fixture.Run, "--out", model, "--opset", "9");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --opset must be 13 to 18, got 9", result.Error.Trim());
        Assert.False(File.Exists(model));
    }
}
