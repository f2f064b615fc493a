using CompactConv.Pipelines;
using CompactConv.Runtime;
using CompactConv.Tests.Training;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Tests.Runtime.Deployed;

public sealed class ImageClassifierTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ProbabilitiesOnRawPixelsEqualTorchSharpsOnNormalisedPixels()
    {
        string model = DeployedRuns.ImageModel(_temp);
        using var images = ImageClassifier.Open(model, new DeployedModelOptions { IntraOpThreads = 1 });
        Assert.Equal((1, 28, 28), (images.Channels, images.Height, images.Width));
        Assert.Equal(SyntheticImages.Config(1).ClassNames, images.ClassNames);

        using var run = TrainedRun.Open(_temp.File("image-run"), best: false);
        var random = new Random(3);
        for (int n = 0; n < 3; n++)
        {
            var bytes = new byte[28 * 28];
            random.NextBytes(bytes);
            var answer = images.Classify(bytes);

            using var scope = NewDisposeScope();
            // What training's evaluation feeds the model: pixel / 255, then the run's (0.3, 0.4) normalisation.
            var input = (tensor(bytes.Select(b => b / 255f).ToArray()).reshape(1, 1, 28, 28) - 0.3f) / 0.4f;
            var expected = Evaluator.PredictProbabilities(run.Model, input);
            for (int c = 0; c < 4; c++)
                Assert.True(Math.Abs(expected[0, c] - answer.Probabilities[c]) <= 1e-4, $"image {n}, class {c}: {expected[0, c]} vs {answer.Probabilities[c]}");
            Assert.Equal(answer.Probabilities.Select((p, c) => (p, c)).MaxBy(x => x.p).c, answer.ClassIndex);
            Assert.Equal(images.ClassNames[answer.ClassIndex], answer.Label);
            // Floats in [0, 1] give the same answer as the bytes they came from.
            Assert.Equal(answer.Probabilities, images.Classify(bytes.Select(b => b / 255f).ToArray()).Probabilities);
        }
    }

    [Fact]
    public void PixelsOfTheWrongSizeAreRefusedWithTheModelsShape()
    {
        using var images = ImageClassifier.Open(DeployedRuns.ImageModel(_temp));

        var e = Assert.Throws<ArgumentException>(() => images.Classify(new float[27 * 28]));

        Assert.Equal("the model takes 1x28x28 = 784 pixel values (channel-major), got 756", e.Message);
    }
}
