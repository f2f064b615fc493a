using CompactConv.Pipelines;
using CompactConv.Tests.Training;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Tests.Pipelines;

public class TrainedRunTests
{
    [Fact]
    public void OpensTheLastOrTheBestWeightsInEvaluationMode()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(32, seed: 21);
        var config = SyntheticImages.Config(epochs: 3);
        new Trainer(config, folder.Path).Run(train, null, resume: false);

        using var last = TrainedRun.Open(folder.Path);
        using var best = TrainedRun.Open(folder.Path, best: true, task: "image");
        Assert.False(last.Model.training);
        Assert.Equal((config.Model.Name, config.Model.ConvLabel), (last.Config.Model.Name, last.Config.Model.ConvLabel));
        Assert.Equal(config.Model.InputShape, last.Config.Model.InputShape);
        // Without validation data the best epoch is the last: both hold the same weights.
        using var scope = NewDisposeScope();
        var input = train.Inputs[..4];
        Assert.True(last.Model.call(input).allclose(best.Model.call(input)));
    }

    [Fact]
    public void RefusesARunOfAnotherTaskNamingItsConfig()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(16, seed: 22);
        new Trainer(SyntheticImages.Config(epochs: 1), folder.Path).Run(train, null, resume: false);

        var e = Assert.Throws<DataException>(() => TrainedRun.Open(folder.Path, task: "scenes"));
        Assert.Equal(Path.Combine(folder.Path, "config.json"), e.Path);
        Assert.Contains("is a run of task image, not scenes", e.Message);
    }
}
