using System.Globalization;
using System.Text.RegularExpressions;
using CompactConv.Audio;
using CompactConv.Pipelines;
using CompactConv.Tests.Runtime.Deployed;
using SkiaSharp;

namespace CompactConv.Tests.Training;

/// <summary>The runtime package's examples: each prints the probabilities the TorchSharp pipeline gives for the same file.</summary>
public partial class ExampleProgramTests
{
    [Fact]
    public void ClassifyWavPrintsThePipelinesSceneProbabilities()
    {
        using var temp = new TempFolder();
        var (run, model) = DeployedRuns.SceneModel(temp);
        string wav = temp.File("sweep.wav");
        var samples = new float[12000];
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * (200 + 0.1 * i) * i / 8000));
        WavWriter.Write(wav, [samples], 8000);

        string printed = RunExample("ClassifyWav", model, wav);

        var expected = SceneClassification.Predict(new PredictionRequest { RunFolder = run, Files = [wav] }).Single();
        Assert.StartsWith($"sweep.wav: {expected.Label} (", printed);
        AssertProbabilities(expected.Probabilities, printed);
    }

    [Fact]
    public void ClassifyImagePrintsThePipelinesImageProbabilities()
    {
        using var temp = new TempFolder();
        string model = DeployedRuns.ImageModel(temp);
        string png = temp.File("noise.png");
        var random = new Random(11);
        using (var bitmap = new SKBitmap(new SKImageInfo(28, 28, SKColorType.Rgba8888, SKAlphaType.Premul)))
        {
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++) bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(png, data.ToArray());
        }

        string printed = RunExample("ClassifyImage", model, png);

        var expected = ImageClassification.Predict(new PredictionRequest { RunFolder = temp.File("image-run"), Files = [png] }).Single();
        Assert.StartsWith($"noise.png: {expected.Label} (", printed);
        AssertProbabilities(expected.Probabilities, printed);
    }

    // Every class's printed probability (4 decimals) within rounding plus 1e-4 of the pipeline's.
    private static void AssertProbabilities(IReadOnlyDictionary<string, double> expected, string printed)
    {
        foreach (var (label, probability) in expected)
        {
            var match = Regex.Match(printed, $@"\b{Regex.Escape(label)}=([0-9.]+)");
            Assert.True(match.Success, $"{label} not in: {printed}");
            double shown = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(shown - probability) <= 1.5e-4, $"{label}: printed {shown}, pipeline {probability}");
        }
    }
}
