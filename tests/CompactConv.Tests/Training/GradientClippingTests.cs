using CompactConv.Pipelines;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training;

public class GradientClippingTests
{
    private static (nn.Module<Tensor, Tensor> Model, Tensor Grad) LinearWithGradient34()
    {
        // y = w . x with x = (3, 4): the gradient of y with respect to w is (3, 4), of norm 5.
        var model = nn.Linear(2, 1, hasBias: false);
        model.call(tensor(new float[] { 3, 4 }).reshape(1, 2)).sum().backward();
        return (model, model.parameters().Single().grad!);
    }

    [Fact]
    public void LargerGradientsAreScaledDownToTheMaximumNorm()
    {
        var (model, grad) = LinearWithGradient34();
        using (model)
        {
            Assert.Equal(5.0, Optimizers.ClipGradients(model, 1.0), 5);
            // (3, 4) / 5: same direction, norm 1 (libtorch divides by norm + 1e-6).
            Layers.TensorAssert.Close([0.6, 0.8], grad, 1e-5);
        }
    }

    [Fact]
    public void SmallerGradientsAreLeftAlone()
    {
        var (model, grad) = LinearWithGradient34();
        using (model)
        {
            Assert.Equal(5.0, Optimizers.ClipGradients(model, 10.0), 5);
            Layers.TensorAssert.Close([3, 4], grad, 0);
        }
    }

    [Fact]
    public void TrainerStepMovesTheWeightsByAtMostRateTimesTheClip()
    {
        // One plain SGD step (no momentum, no decay, constant rate): the weights move by rate x gradient, so
        // by exactly rate x clip when the gradient's norm is above the clip.
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(16, seed: 21);
        using var test = SyntheticImages.Make(8, seed: 22);
        var config = SyntheticImages.Config(epochs: 1) with
        {
            Training = SyntheticImages.Config(1).Training with
            {
                Optimizer = OptimizerKind.Sgd, Momentum = 0, WeightDecay = 0, Schedule = ScheduleKind.Constant, LearningRate = 0.5,
                BatchSize = 16, ClipGradNorm = 1e-3,
            },
        };
        new Trainer(config, folder.Path).Run(train, test, resume: false);

        using var before = Trainer.BuildModel(config);
        using var after = TrainedRun.LoadModel(folder.Path, config);
        double squared = before.parameters().Zip(after.parameters())
            .Sum(p => (p.First.detach() - p.Second.detach()).square().sum().to_type(ScalarType.Float64).item<double>());
        Assert.Equal(0.5 * 1e-3, Math.Sqrt(squared), 1e-7);
    }
}
