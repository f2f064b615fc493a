using System.Text.Json;
using CompactConv.Layers;
using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class ResumeCheckTests
{
    private const string Allowed = "(a resumed run may only train more TrainingOptions.Epochs or change TrainingOptions.MaxMinutes, TrainingOptions.Prefetch or AudioDataRequest.CacheDir)";

    private static RunConfig Config(int epochs) => SyntheticImages.Config(epochs) with { DataDir = "/data/squares" };

    private static (string Config, string State) Files(string folder) =>
        (File.ReadAllText(Path.Combine(folder, "config.json")), File.ReadAllText(new CheckpointStore(folder).StatePath));

    private sealed class Notes : ITrainingObserver
    {
        public List<string> Lines { get; } = [];

        public void RunStarted(int firstEpoch, int epochs, long stepsPerEpoch) { }

        public void StepCompleted(int epoch, long stepInEpoch, long stepsPerEpoch, double loss) { }

        public void EpochCompleted(EpochRecord record) { }

        public void Note(string line) => Lines.Add(line);
    }

    [Fact]
    public void ResumingOnOtherDataOrWithAnotherTaskModelClassListBatchOrSeedIsRefusedNamingEachField()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(32, seed: 51);
        new Trainer(Config(1), folder.Path).Run(train, null, resume: false);
        var before = Files(folder.Path);
        var other = Config(2) with
        {
            Task = "scenes",
            Dataset = "circles",
            DataDir = "/data/circles",
            Model = Config(1).Model with { Conv = ConvKind.Standard },
            ClassNames = ["a", "b", "c", "d"],
            Training = Config(2).Training with { BatchSize = 8, Seed = 8 },
        };

        var e = Assert.Throws<ArgumentException>(() => new Trainer(other, folder.Path).Run(train, null, resume: true));

        Assert.Equal($"Trainer.Run(resume): the run in {folder.Path} was trained with task=image, dataset=synthetic, data_dir=/data/squares, conv=compact, "
            + "class_names=[top-left, top-right, bottom-left, bottom-right], batch_size=16, seed=7; these options ask for task=scenes, dataset=circles, "
            + $"data_dir=/data/circles, conv=standard, class_names=[a, b, c, d], batch_size=8, seed=8 {Allowed}", e.Message);
        Assert.Equal(before, Files(folder.Path)); // the refused resume left the run as it was
    }

    [Fact]
    public void FewerEpochsThanTheRunAlreadyHasAreRefused()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(32, seed: 51);
        var token = new StopToken();
        new Trainer(Config(3), folder.Path, new RequestStopAfterStep(token, 1), stop: token).Run(train, null, resume: false);

        var e = Assert.Throws<ArgumentException>(() => new Trainer(Config(2), folder.Path).Run(train, null, resume: true));

        Assert.Equal($"Trainer.Run(resume): the run in {folder.Path} was trained with epochs=3; these options ask for epochs=2 {Allowed}", e.Message);
    }

    [Fact]
    public void MoreEpochsAndANewTimeBudgetAreRecordedWithTheEpochAndStepTheyTookEffectFrom()
    {
        using var folder = new TempFolder();
        using var train = SyntheticImages.Make(48, seed: 51);
        // Stopped after step 1 of epoch 2: the changes of the next invocation take effect there.
        var token = new StopToken();
        new Trainer(Config(2), folder.Path, new RequestStopAfterStep(token, 4), stop: token).Run(train, null, resume: false);
        var notes = new Notes();

        var more = Config(3) with { Training = Config(3).Training with { MaxMinutes = 30 } };
        new Trainer(more, folder.Path, notes).Run(train, null, resume: true);
        new Trainer(Config(4), folder.Path).Run(train, null, resume: true);

        Assert.Equal(["TrainingOptions.Epochs 3 (was 2) from epoch 2 step 1: the cosine schedule now spans 3 epochs", "TrainingOptions.MaxMinutes 30 (was none) from epoch 2 step 1"], notes.Lines);
        var changes = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "config.json"))).RootElement.GetProperty("changes");
        Assert.Equal(
            [
                """{"epoch":2,"step":1,"field":"epochs","from":2,"to":3}""",
                """{"epoch":2,"step":1,"field":"max_minutes","from":null,"to":30}""",
                """{"epoch":4,"step":0,"field":"epochs","from":3,"to":4}""",
                """{"epoch":4,"step":0,"field":"max_minutes","from":30,"to":null}""",
            ],
            changes.EnumerateArray().Select(c => JsonSerializer.Serialize(c)));
        var config = RunConfig.Load(Path.Combine(folder.Path, "config.json"));
        Assert.Equal(4, config.Training.Epochs);
        Assert.Equal(4, new CheckpointStore(folder.Path).ReadState().Epoch);
    }
}
