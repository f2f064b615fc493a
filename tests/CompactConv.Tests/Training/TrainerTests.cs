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
        using var test = SyntheticImages.Make(32, seed: 2);
        var result = new Trainer(SyntheticImages.Config(epochs: 5, lr: 0.03), folder.Path).Run(train, test, resume: false);
        Assert.Equal(5, result.EpochsCompleted);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss * 0.7,
            $"loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");
        Assert.True(result.FinalTestAccuracy > 0.8, $"test accuracy {result.FinalTestAccuracy}; " + string.Join(" | ", result.History));
        Assert.True(File.Exists(Path.Combine(folder.Path, "config.json")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "log.csv")));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(folder.Path, "log.csv")).Length);
        var state = new CheckpointStore(folder.Path).ReadState();
        Assert.Equal(5, state.Epoch);
        // Only the latest epoch's files are kept next to best.model and state.json.
        Assert.Equal(["best.model", "epoch-0005.model", "epoch-0005.optim", "state.json"],
            Directory.GetFiles(Path.Combine(folder.Path, "checkpoint")).Select(f => Path.GetFileName(f)!).Order().ToArray());
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
            Model = SyntheticImages.Config(1).Model with { Op = CompactConv.Layers.ChannelPoolOp.Stochastic },
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
        Assert.Contains("--resume", exists.Message);
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
        using var optimizer = Trainer.CreateOptimizer(model, SyntheticImages.Config(1).Training);
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
