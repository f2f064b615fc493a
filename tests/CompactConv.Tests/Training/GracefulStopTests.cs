using CompactConv.Layers;
using CompactConv.Training;
using CompactConv.Training.Augmentation;

namespace CompactConv.Tests.Training;

public class GracefulStopTests
{
    // 48 images in batches of 16: three steps an epoch. Stochastic pooling and mixup draw random numbers
    // every step, so a resume that got the per-step seeding wrong would show.
    private static RunConfig Config(int epochs) => SyntheticImages.Config(epochs, ConvKind.Compact) with
    {
        Model = SyntheticImages.Config(1).Model with { ConvOptions = ConvOptions.Default with { Op = ChannelPoolOp.Stochastic } },
        Training = SyntheticImages.Config(epochs).Training with { Augmentation = new AugmentationOptions { MixupAlpha = 0.4 } },
    };

    [Fact]
    public void AStopRequestedAtAnyStepBoundaryLeavesACheckpointThatResumesBitIdentical()
    {
        using var straightFolder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 41);
        using var validation = SyntheticImages.Make(16, seed: 42);
        var straight = new Trainer(Config(2), straightFolder.Path).Run(train, validation, resume: false);

        // Two epochs of three steps: a request after step 1, 2, 4 or 5 stops inside an epoch, after step 3
        // between the two epochs.
        foreach (int steps in new[] { 1, 2, 3, 4, 5 })
        {
            using var folder = new TempFolder();
            var token = new StopToken();
            var stopped = new Trainer(Config(2), folder.Path, new RequestStopAfterStep(token, steps), stop: token).Run(train, validation, resume: false);

            int epoch = steps / 3 + 1;
            long step = steps % 3;
            Assert.Equal(new TrainingStop(epoch, step, 3, "SIGTERM"), stopped.Stop);
            Assert.Equal(step == 0 ? $"stopped by SIGTERM after epoch {epoch - 1}" : $"stopped by SIGTERM at epoch {epoch} step {step}", stopped.Stop!.Describe());
            var state = new CheckpointStore(folder.Path).ReadState();
            Assert.Equal(epoch - 1, state.Epoch);
            Assert.Equal(step == 0 ? null : step, state.Partial?.Step);

            var resumed = new Trainer(Config(2), folder.Path).Run(train, validation, resume: true);

            Assert.Null(resumed.Stop);
            Assert.Equal(straight.History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationLoss, h.ValidationAccuracy)),
                new CheckpointStore(folder.Path).ReadState().History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationLoss, h.ValidationAccuracy)));
            RunFolderAssert.SameWeights(straightFolder.Path, folder.Path, Config(2));
        }
    }

    [Fact]
    public void ANewRunAskedToStopBeforeItsFirstStepTakesOneStepSoThatItHasACheckpoint()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 41);
        var token = new StopToken();
        token.Request("SIGINT");

        var stopped = new Trainer(Config(2), folder.Path, stop: token).Run(train, null, resume: false);

        Assert.Equal(new TrainingStop(1, 1, 3, "SIGINT"), stopped.Stop);
        Assert.Equal(1, new CheckpointStore(folder.Path).ReadState().Partial!.Step);
    }

    [Fact]
    public void AResumedRunAskedToStopBeforeItsFirstStepEndsAtItsCheckpointWithItsConfigAsItWas()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 41);
        var token = new StopToken();
        new Trainer(Config(2), folder.Path, new RequestStopAfterStep(token, 2), stop: token).Run(train, null, resume: false);
        string config = File.ReadAllText(Path.Combine(folder.Path, "config.json"));
        string state = File.ReadAllText(new CheckpointStore(folder.Path).StatePath);

        // A signal while the data loaded: the more epochs asked for never took effect, so config.json does not record them.
        var again = new StopToken();
        again.Request("SIGTERM");
        var stopped = new Trainer(Config(3), folder.Path, stop: again).Run(train, null, resume: true);

        Assert.Equal(new TrainingStop(1, 2, 3, "SIGTERM"), stopped.Stop);
        Assert.Equal(config, File.ReadAllText(Path.Combine(folder.Path, "config.json")));
        Assert.Equal(state, File.ReadAllText(new CheckpointStore(folder.Path).StatePath));
    }
}
