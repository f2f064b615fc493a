using CompactConv.Audio;
using CompactConv.Pipelines;
using CompactConv.Runtime;

namespace CompactConv.Tests.Runtime.Deployed;

public sealed class SceneClassifierTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FilesShorterAndLongerThanTheModelGetThePipelinesProbabilities()
    {
        var (run, model) = DeployedRuns.SceneModel(_temp);
        // 0.3 s is 19 frames (padded to 40 with the band means); 1.5 s is 94 frames (three crops, the last
        // aligned to the end); the 16 kHz file is resampled to the model's 8 kHz first.
        string[] files = [Tone("short.wav", 0.3, 8000), Tone("long.wav", 1.5, 8000), Tone("resampled.wav", 1.0, 16000)];
        var expected = SceneClassification.Predict(new PredictionRequest { RunFolder = run, Files = files });

        using var scenes = SceneClassifier.Open(model);
        Assert.Equal(DeployedRuns.SceneFrames, scenes.Frames);
        Assert.Equal(DeployedRuns.SceneFeatures, scenes.Features);
        for (int f = 0; f < files.Length; f++)
        {
            var answer = scenes.ClassifyFile(files[f]);
            for (int c = 0; c < scenes.ClassNames.Count; c++)
            {
                double torch = expected[f].Probabilities[scenes.ClassNames[c]];
                Assert.True(Math.Abs(torch - answer.Probabilities[c]) <= 1e-4, $"{files[f]}, class {c}: {torch} vs {answer.Probabilities[c]}");
            }
            Assert.Equal(expected[f].Label, answer.Label);
        }
    }

    [Theory]
    [InlineData(40, 40, new[] { 0 })]
    [InlineData(19, 40, new[] { 0 })]
    [InlineData(80, 40, new[] { 0, 40 })]
    [InlineData(94, 40, new[] { 0, 40, 54 })]
    public void CropsCoverTheClipWithTheLastAlignedToTheEnd(int length, int crop, int[] starts) =>
        Assert.Equal(starts, SceneClassifier.CropStarts(length, crop));

    private string Tone(string name, double seconds, int rate)
    {
        var samples = new float[(int)(seconds * rate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * (300 + 900 * i / (double)samples.Length) * i / rate));
        string path = _temp.File(name);
        WavWriter.Write(path, [samples], rate);
        return path;
    }
}
