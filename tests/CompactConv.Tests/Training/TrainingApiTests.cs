using CompactConv.Models;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training;

/// <summary>
/// The training API for a module of the caller's own (not in the registry): <c>new Trainer(model, options).Fit(...)</c>
/// writes nothing, honours the device, reports progress in order, and ends with the best epoch's weights.
/// </summary>
[Collection(ConsoleAndFolderCollection.Name)]
public class TrainingApiTests
{
    // A user's module: one linear layer over the pixels, enough to tell the quadrants apart.
    private sealed class PixelClassifier : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear linear;

        public PixelClassifier() : base(nameof(PixelClassifier))
        {
            linear = nn.Linear(28 * 28, 4);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => linear.call(input.flatten(1));
    }

    private static TrainingOptions Options(int epochs) => SyntheticImages.Config(epochs).Training;

    private static PixelClassifier Seeded(int seed = 7)
    {
        manual_seed(seed);
        return new PixelClassifier();
    }

    private static string[] FilesUnder(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToArray();

    [Fact]
    public void AModuleOfTheCallersOwnLearnsTheTaskAndNothingIsWritten()
    {
        using var train = SyntheticImages.Make(256, seed: 1);
        using var validation = SyntheticImages.Make(32, seed: 2);
        using var model = Seeded();
        // This collection runs alone, so the working folder changes only if the trainer writes there.
        var before = FilesUnder(Environment.CurrentDirectory);

        var result = new Trainer(model, Options(4)).Fit(train, validation);

        Assert.Equal(before, FilesUnder(Environment.CurrentDirectory));
        Assert.Equal(4, result.EpochsCompleted);
        Assert.Null(result.Stop);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss, string.Join(" | ", result.History));
        Assert.True(result.BestValidationAccuracy > 0.8, $"best validation accuracy {result.BestValidationAccuracy}");
        Assert.Equal(result.History[result.BestEpoch - 1].ValidationAccuracy, result.BestValidationAccuracy);
    }

    [Fact]
    public void TheModuleEndsWithTheBestEpochsWeightsEvenWhenLaterChanged()
    {
        using var train = SyntheticImages.Make(128, seed: 3);
        using var validation = SyntheticImages.Make(32, seed: 4);
        using var model = Seeded();
        // After the last epoch is scored (and kept as the best so far), the callback wrecks the weights:
        // only putting the kept copy back leaves the module as good as its best epoch.
        var callbacks = new TrainingCallbacks
        {
            Epoch = record =>
            {
                if (record.Epoch < 2) return;
                using var noGrad = no_grad();
                foreach (var parameter in model.parameters()) parameter.zero_();
            },
        };

        var result = new Trainer(model, Options(2)) { Observer = callbacks }.Fit(train, validation);

        var accuracy = Evaluator.Evaluate(model, validation, ["0", "1", "2", "3"]).Accuracy;
        Assert.Equal(result.BestValidationAccuracy, accuracy, 6);
        Assert.True(accuracy > 0.5, $"accuracy {accuracy} after the restore");
    }

    [Fact]
    public void WithAndWithoutARunFolderTheSameSeedGivesTheSameHistoryAndWeights()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(96, seed: 5);
        using var validation = SyntheticImages.Make(32, seed: 6);
        var config = SyntheticImages.Config(2);

        var withFolder = new Trainer(config, folder.Path).Run(train, validation, resume: false);
        using var model = Trainer.BuildModel(config);
        var inMemory = new Trainer(model, config.Training).Fit(train, validation);

        Assert.Equal(withFolder.History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationLoss, h.ValidationAccuracy)),
            inMemory.History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationLoss, h.ValidationAccuracy)));
        Assert.Equal(withFolder.BestEpoch, inMemory.BestEpoch);
        using var best = CompactConv.Pipelines.TrainedRun.LoadModel(folder.Path, config, best: true);
        var expected = best.parameters().ToArray();
        var actual = model.parameters().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(expected[i].eq(actual[i]).all().item<bool>(), $"parameter {i} differs from best.model");
    }

    [Fact]
    public void ProgressArrivesInOrder()
    {
        using var train = SyntheticImages.Make(40, seed: 7);
        using var validation = SyntheticImages.Make(8, seed: 8);
        using var model = Seeded();
        var calls = new List<string>();
        var callbacks = new TrainingCallbacks
        {
            Started = (first, epochs, steps) => calls.Add($"start {first}/{epochs} x{steps}"),
            Step = (epoch, step, steps, _) => calls.Add($"step {epoch}.{step}/{steps}"),
            Epoch = record => calls.Add($"epoch {record.Epoch}"),
        };

        new Trainer(model, Options(2)) { Observer = callbacks }.Fit(train, validation);

        // 40 samples in batches of 16: three steps an epoch.
        Assert.Equal(["start 1/2 x3", "step 1.1/3", "step 1.2/3", "step 1.3/3", "epoch 1", "step 2.1/3", "step 2.2/3", "step 2.3/3", "epoch 2"], calls);
    }

    [Fact]
    public void TheModelTrainsOnTheDeviceGiven()
    {
        using var train = SyntheticImages.Make(32, seed: 9);
        using var model = Seeded();
        var cuda = new Device(DeviceType.CUDA, 0);
        if (!torch.cuda.is_available())
        {
            // The trainer moves the model to the device it is given: here one this machine lacks.
            Assert.ThrowsAny<Exception>(() => new Trainer(model, Options(1)) { Device = cuda }.Fit(train));
            return;
        }
        var result = new Trainer(model, Options(1)) { Device = cuda }.Fit(train);
        Assert.Equal(1, result.EpochsCompleted);
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.CUDA, p.device_type));
    }

    [Fact]
    public void TheCpuDeviceLeavesTheModelOnTheCpu()
    {
        using var train = SyntheticImages.Make(32, seed: 9);
        using var model = Seeded();
        new Trainer(model, Options(1)) { Device = CPU }.Fit(train);
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));
    }

    [Fact]
    public void AStopRequestEndsTrainingWithTheBestEpochSoFarAndNoFiles()
    {
        using var train = SyntheticImages.Make(64, seed: 10);
        using var validation = SyntheticImages.Make(16, seed: 11);
        using var model = Seeded();
        var token = new StopToken();
        var callbacks = new TrainingCallbacks { Epoch = record => { if (record.Epoch == 1) token.Request("test"); } };
        var before = FilesUnder(Environment.CurrentDirectory);

        var result = new Trainer(model, Options(3)) { Observer = callbacks, Stop = token }.Fit(train, validation);

        Assert.Equal(before, FilesUnder(Environment.CurrentDirectory));
        Assert.Equal(1, result.EpochsCompleted);
        Assert.Equal(new TrainingStop(2, 0, 4, "test"), result.Stop);
        Assert.Equal(1, result.BestEpoch);
    }

    [Fact]
    public void ResumingNeedsARunFolder()
    {
        using var train = SyntheticImages.Make(16, seed: 12);
        using var model = Seeded();
        var e = Assert.Throws<InvalidOperationException>(() => new Trainer(model, Options(1)).Run(train, null, resume: true));
        Assert.Contains("run folder", e.Message);
    }

    [Fact]
    public void ImpossibleOptionsAreRefusedBeforeTraining()
    {
        using var model = Seeded();
        Assert.Equal("BatchSize", Assert.Throws<InvalidOptionException>(() => new Trainer(model, Options(1) with { BatchSize = 0 })).Property);
        Assert.Throws<ArgumentNullException>(() => new Trainer(null!, Options(1)));
    }

    [Fact]
    public void TheEventTrainerTrainsAModuleOfTheCallersOwnInMemory()
    {
        using var train = SyntheticEvents.Make(48, seed: 1);
        var config = SyntheticEvents.Config(3);
        using var model = Trainer.BuildModel(config);
        int scored = 0;
        // Any deterministic figure picks the weights the module ends with; here a made-up one that peaks at epoch 2.
        var result = new EventTrainer(model, config.Training) { ValidationScorer = _ => ++scored == 2 ? 0.9 : 0.1 }.Fit(train);

        Assert.Equal(3, result.EpochsCompleted);
        Assert.Equal(2, result.BestEpoch);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss, string.Join(" | ", result.History));
    }

    [Fact]
    public void TheEventTrainerWithAndWithoutARunFolderGivesTheSameHistory()
    {
        using var folder = new TempFolder();
        using var train = SyntheticEvents.Make(32, seed: 2);
        var config = SyntheticEvents.Config(2);

        var withFolder = new EventTrainer(config, folder.Path).Run(train, resume: false);
        using var model = Trainer.BuildModel(config);
        var inMemory = new EventTrainer(model, config.Training).Fit(train);

        Assert.Equal(withFolder.History.Select(h => (h.TrainLoss, h.TrainFrameF1)), inMemory.History.Select(h => (h.TrainLoss, h.TrainFrameF1)));
    }
}
