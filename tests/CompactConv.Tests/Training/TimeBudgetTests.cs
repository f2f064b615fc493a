using System.Globalization;
using CompactConv.Layers;
using CompactConv.Training;
using CompactConv.Training.Augmentation;

namespace CompactConv.Tests.Training;

public class TimeBudgetTests
{
    // 48 images in batches of 16: three steps an epoch. Stochastic pooling and mixup draw random numbers every step.
    private static RunConfig Config(int epochs, double? maxMinutes) => SyntheticImages.Config(epochs, ConvKind.Compact) with
    {
        Model = SyntheticImages.Config(1).Model with { ConvOptions = ConvOptions.Default with { Op = ChannelPoolOp.Stochastic } },
        Training = SyntheticImages.Config(epochs).Training with
        {
            MaxMinutes = maxMinutes,
            Augmentation = new AugmentationOptions { MixupAlpha = 0.4 },
        },
    };

    [Fact]
    public void StoppingAtEveryStepBoundaryAndResumingRepeatsTheUninterruptedRun()
    {
        using var straightFolder = new TempFolder();
        using var stoppedFolder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 31);
        using var test = SyntheticImages.Make(16, seed: 32);
        var straightClock = new FakeClock();
        var straight = new Trainer(Config(2, null), straightFolder.Path, new TickPerStep(straightClock, TimeSpan.FromSeconds(20)), straightClock)
            .Run(train, test, resume: false);

        // Every step takes 20 s of a 6 s budget: each invocation takes one step (at least one is always
        // taken) and stops, inside an epoch or between epochs.
        var stops = new List<TrainingStop>();
        for (int invocation = 0; invocation < 10; invocation++)
        {
            var clock = new FakeClock();
            var result = new Trainer(Config(2, 0.1), stoppedFolder.Path, new TickPerStep(clock, TimeSpan.FromSeconds(20)), clock)
                .Run(train, test, resume: invocation > 0);
            if (result.Stop is null) break;
            stops.Add(result.Stop);
            if (invocation == 0) AssertFirstStopLeftAStepCheckpoint(stoppedFolder.Path);
        }

        Assert.Equal([new TrainingStop(1, 1, 3), new TrainingStop(1, 2, 3), new TrainingStop(2, 0, 3), new TrainingStop(2, 1, 3), new TrainingStop(2, 2, 3)], stops);
        var resumed = new CheckpointStore(stoppedFolder.Path).ReadState();
        Assert.Null(resumed.Partial);
        Assert.Equal(straight.History, resumed.History);
        RunFolderAssert.SameWeights(straightFolder.Path, stoppedFolder.Path, Config(2, null));
    }

    private static void AssertFirstStopLeftAStepCheckpoint(string folder)
    {
        var state = new CheckpointStore(folder).ReadState();
        Assert.Equal(0, state.Epoch);
        Assert.Empty(state.History);
        var partial = Assert.IsType<PartialEpoch>(state.Partial);
        Assert.Equal(1, partial.Epoch);
        Assert.Equal(1, partial.Step);
        Assert.Equal(20.0, partial.Seconds);
        Assert.True(partial.Tally.LossSum > 0, "the first step's loss sum is saved");
        Assert.InRange(partial.Tally.Correct, 0, 16);
        Assert.Equal(0, partial.Tally.TruePositives + partial.Tally.FalsePositives + partial.Tally.FalseNegatives);
        Assert.Equal("epoch-0001-step-000001.model", state.ModelFile);
        Assert.Equal(["epoch-0001-step-000001.model", "epoch-0001-step-000001.optim", "state.json"],
            Directory.GetFiles(Path.Combine(folder, "checkpoint")).Select(f => Path.GetFileName(f)!).Order().ToArray());
        Assert.True(File.Exists(Path.Combine(folder, "log.csv")));
    }

    [Fact]
    public void BudgetSpentInTheLastStepOfAnEpochEndsTheRunAfterThatEpochsCheckpoint()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 33);
        using var test = SyntheticImages.Make(16, seed: 34);
        var clock = new FakeClock();
        // A one-minute budget spent by the third 20 s step: the epoch completes, the next one never starts.
        var result = new Trainer(Config(3, 1.0), folder.Path, new TickPerStep(clock, TimeSpan.FromSeconds(20)), clock).Run(train, test, resume: false);

        Assert.Equal(new TrainingStop(2, 0, 3), result.Stop);
        Assert.Equal("time budget spent: stopped after epoch 1", result.Stop!.Describe());
        Assert.Equal(1, result.EpochsCompleted);
        var state = new CheckpointStore(folder.Path).ReadState();
        Assert.Equal(1, state.Epoch);
        Assert.Null(state.Partial);
        Assert.True(File.Exists(Path.Combine(folder.Path, "checkpoint", "best.model")));

        // log.csv reports the epoch's time and speed: 3 steps x 20 s, 48 images in 60 s.
        var lines = File.ReadAllLines(Path.Combine(folder.Path, "log.csv"));
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal(60.0, double.Parse(row[Array.IndexOf(header, "seconds")], CultureInfo.InvariantCulture));
        Assert.Equal(0.8, double.Parse(row[Array.IndexOf(header, "images_per_second")], CultureInfo.InvariantCulture));
    }

    // 20 s a step against a 0.1-minute budget: the run stops after step 1 of epoch 1 (of 3 steps).
    private static void StopAfterOneStep(string folder, TensorDataset train, TensorDataset test)
    {
        var clock = new FakeClock();
        var stopped = new Trainer(Config(1, 0.1), folder, new TickPerStep(clock, TimeSpan.FromSeconds(20)), clock).Run(train, test, resume: false);
        Assert.Equal(new TrainingStop(1, 1, 3), stopped.Stop);
    }

    [Fact]
    public void AStepCheckpointIsNotResumedWithAnotherBatchSize()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 38);
        using var test = SyntheticImages.Make(8, seed: 39);
        StopAfterOneStep(folder.Path, train, test);

        // Batches of 48 make one step an epoch: the steps already taken would change.
        var configPath = Path.Combine(folder.Path, "config.json");
        string before = File.ReadAllText(configPath);
        var other = Config(1, null) with { Training = Config(1, null).Training with { BatchSize = 48 } };
        var e = Assert.Throws<ArgumentException>(() => new Trainer(other, folder.Path).Run(train, test, resume: true));
        Assert.Equal($"Trainer.Run(resume): the run in {folder.Path} was trained with batch_size=16; these options ask for batch_size=48 "
            + "(a resumed run may only train more TrainingOptions.Epochs or change TrainingOptions.MaxMinutes, TrainingOptions.Prefetch or AudioDataRequest.CacheDir)", e.Message);
        Assert.Equal(before, File.ReadAllText(configPath)); // the refused resume left the run as it was
    }

    [Fact]
    public void AStepCheckpointIsNotResumedOnDataWithAnotherNumberOfSteps()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 38);
        using var fewer = SyntheticImages.Make(16, seed: 38);
        using var test = SyntheticImages.Make(8, seed: 39);
        StopAfterOneStep(folder.Path, train, test);

        // The same settings on a folder whose data changed: one step an epoch, so step 1 of epoch 1 no longer exists.
        var configPath = Path.Combine(folder.Path, "config.json");
        string before = File.ReadAllText(configPath);
        var e = Assert.Throws<DataException>(() => new Trainer(Config(1, 0.1), folder.Path).Run(fewer, test, resume: true));
        Assert.Contains("state.json", e.Message);
        Assert.Contains("does not follow epoch 0 with 1 steps an epoch", e.Message);
        Assert.Equal(before, File.ReadAllText(configPath));
    }

    [Fact]
    public void WithoutABudgetTheRunIsNotStopped()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(16, seed: 35);
        using var test = SyntheticImages.Make(8, seed: 36);
        var clock = new FakeClock();
        var result = new Trainer(Config(2, null), folder.Path, new TickPerStep(clock, TimeSpan.FromDays(1)), clock).Run(train, test, resume: false);
        Assert.Null(result.Stop);
        Assert.Equal(2, result.EpochsCompleted);
    }

    [Fact]
    public void EventTrainerStopsInsideAnEpochAndResumesExactly()
    {
        using var straightFolder = new TempFolder();
        using var stoppedFolder = new TempFolder();
        using var train = SyntheticEvents.Make(24, seed: 37);
        var config = SyntheticEvents.Config(epochs: 2, augmentation: new AugmentationOptions { MixupAlpha = 0.4, TimeMasks = 1, TimeMaskWidth = 6 });
        var straight = new EventTrainer(config, straightFolder.Path).Run(train, resume: false);

        var clock = new FakeClock();
        var budgeted = config with { Training = config.Training with { MaxMinutes = 0.5 } };
        var stopped = new EventTrainer(budgeted, stoppedFolder.Path, observer: new TickPerStep(clock, TimeSpan.FromSeconds(20)), clock: clock)
            .Run(train, resume: false);
        Assert.Equal(new TrainingStop(1, 2, 3), stopped.Stop);
        var sums = new CheckpointStore(stoppedFolder.Path).ReadState<EventCheckpointState>().Partial!.Tally;
        Assert.True(sums.TruePositives + sums.FalseNegatives > 0, "the frame counts of the steps taken are saved");
        Assert.Equal(0, sums.Correct);
        var resumed = new EventTrainer(config, stoppedFolder.Path).Run(train, resume: true);

        Assert.Null(resumed.Stop);
        Assert.Equal(straight.History.Select(h => (h.TrainLoss, h.TrainFrameF1)), resumed.History.Select(h => (h.TrainLoss, h.TrainFrameF1)));
        RunFolderAssert.SameWeights(straightFolder.Path, stoppedFolder.Path, config);
    }
}
