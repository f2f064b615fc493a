using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void ShortRunLowersLossAndLearnsTheTask()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(256, seed: 1);
        using var validation = SyntheticImages.Make(32, seed: 2);
        var result = new Trainer(SyntheticImages.Config(epochs: 5, lr: 0.03), folder.Path).Run(train, validation, resume: false);
        Assert.Equal(5, result.EpochsCompleted);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss * 0.7,
            $"loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");
        Assert.True(result.FinalValidationAccuracy > 0.8, $"validation accuracy {result.FinalValidationAccuracy}; " + string.Join(" | ", result.History));
        Assert.True(File.Exists(Path.Combine(folder.Path, "config.json")));
        var log = File.ReadAllLines(Path.Combine(folder.Path, "log.csv"));
        Assert.Equal(6, log.Length);
        Assert.Equal("epoch,learning_rate,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds,images_per_second", log[0]);
        var state = new CheckpointStore(folder.Path).ReadState();
        Assert.Equal(5, state.Epoch);
        // Only the latest epoch's files are kept next to best.model and state.json.
        Assert.Equal(["best.model", "epoch-0005.model", "epoch-0005.optim", "state.json"],
            Directory.GetFiles(Path.Combine(folder.Path, "checkpoint")).Select(f => Path.GetFileName(f)!).Order().ToArray());
    }

    [Fact]
    public void TheBestEpochIsTheOneWithTheBestValidationAccuracy()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(64, seed: 11);
        // Validation labels are shuffled against the images, so validation accuracy wanders by chance
        // and the best epoch is its maximum, not the last epoch and not the best training accuracy.
        using var clean = SyntheticImages.Make(40, seed: 12);
        using var validation = new TensorDataset(clean.Inputs.alias(), tensor(Enumerable.Range(0, 40).Select(i => (long)(i * 7 / 3 % 4)).ToArray()));
        var config = SyntheticImages.Config(epochs: 6, lr: 0.03);
        var result = new Trainer(config, folder.Path).Run(train, validation, resume: false);

        var accuracies = result.History.Select(h => h.ValidationAccuracy).ToList();
        int expected = accuracies.IndexOf(accuracies.Max()) + 1;
        Assert.Equal(expected, result.BestEpoch);
        Assert.Equal(accuracies.Max(), result.BestValidationAccuracy);
        var state = new CheckpointStore(folder.Path).ReadState();
        Assert.Equal((expected, accuracies.Max()), (state.BestEpoch, state.BestValidationAccuracy));
        Assert.Contains("\"best_validation_accuracy\"", File.ReadAllText(new CheckpointStore(folder.Path).StatePath));
        // best.model holds that epoch's weights: they score its validation accuracy again.
        using var best = CompactConv.Pipelines.TrainedRun.LoadModel(folder.Path, config, best: true);
        Assert.Equal(accuracies.Max(), Evaluator.Evaluate(best, validation, config.ClassNames).Accuracy, 9);
    }

    [Fact]
    public void WithoutValidationDataTheLastEpochIsTheBest()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(32, seed: 13);
        var result = new Trainer(SyntheticImages.Config(epochs: 2), folder.Path).Run(train, null, resume: false);

        Assert.Equal(2, result.BestEpoch);
        Assert.True(double.IsNaN(result.FinalValidationAccuracy));
        Assert.All(result.History, h => Assert.True(double.IsNaN(h.ValidationAccuracy) && double.IsNaN(h.ValidationLoss)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Path, "checkpoint", "epoch-0002.model")),
            File.ReadAllBytes(Path.Combine(folder.Path, "checkpoint", "best.model")));
    }

    [Fact]
    public void ResumeAfterInterruptionMatchesUninterruptedRun()
    {
        using var straightFolder = new TempFolder();
        using var resumedFolder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 3);
        using var test = SyntheticImages.Make(16, seed: 4);
        var config = SyntheticImages.Config(epochs: 3, kind: CompactConv.Layers.ConvKind.Compact) with
        {
            Model = SyntheticImages.Config(1).Model with { ConvOptions = CompactConv.Layers.ConvOptions.Default with { Op = CompactConv.Layers.ChannelPoolOp.Stochastic } },
        };

        var straight = new Trainer(config, straightFolder.Path).Run(train, test, resume: false);
        Assert.Throws<OperationCanceledException>(() =>
            new Trainer(config, resumedFolder.Path, new StopAfterEpoch(1)).Run(train, test, resume: false));
        Assert.Equal(1, new CheckpointStore(resumedFolder.Path).ReadState().Epoch);
        var resumed = new Trainer(config, resumedFolder.Path).Run(train, test, resume: true);

        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        RunFolderAssert.SameWeights(straightFolder.Path, resumedFolder.Path, config);
    }

    [Fact]
    public void RefusesToOverwriteAndToResumeNothing()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(16, seed: 5);
        using var test = SyntheticImages.Make(8, seed: 6);
        var missing = Assert.Throws<DataException>(() => new Trainer(SyntheticImages.Config(1), folder.Path).Run(train, test, resume: true));
        Assert.Contains("no checkpoint", missing.Message);
        new Trainer(SyntheticImages.Config(1), folder.Path).Run(train, test, resume: false);
        var before = File.ReadAllBytes(Path.Combine(folder.Path, "checkpoint", "epoch-0001.model"));
        var exists = Assert.Throws<DataException>(() => new Trainer(SyntheticImages.Config(1), folder.Path).Run(train, test, resume: false));
        Assert.Contains("resume it with Trainer.Run(resume) or choose another folder", exists.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder.Path, "checkpoint", "epoch-0001.model")));
    }

    [Fact]
    public void NaNLossStopsWithAClearErrorAndKeepsNothingBroken()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(16, seed: 7);
        using var test = SyntheticImages.Make(8, seed: 8);
        train.Inputs[0, 0, 0, 0] = tensor(float.NaN);
        RunFolderAssert.DivergesInFirstEpochWithoutCheckpoint(folder.Path, () => new Trainer(SyntheticImages.Config(1), folder.Path).Run(train, test, resume: false));
    }

    [Fact]
    public void StepsInsideDisposeScopesLeaveNoLiveTensorsBehind()
    {
        using var train = SyntheticImages.Make(8, seed: 9);
        manual_seed(0);
        using var model = CompactConv.Models.ModelRegistry.Create(SyntheticImages.Config(1).Model);
        using var optimizer = Optimizers.Create(model, SyntheticImages.Config(1).Training);
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(train.Inputs), train.Labels).backward();
            optimizer.step();
        }
        for (int i = 0; i < 3; i++) Step(); // optimiser state and gradients are allocated in the first steps
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 50; i++) Step();
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
