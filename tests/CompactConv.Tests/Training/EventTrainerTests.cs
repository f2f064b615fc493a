using CompactConv.Events;
using CompactConv.Pipelines;
using CompactConv.Training;
using CompactConv.Training.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training;

public class EventTrainerTests
{
    [Fact]
    public void FrameLossSkipsClipsWithoutFrameTargets()
    {
        // Clip 0: logits 0 against targets 1 -> ln 2 per element; clip 1: logits 2 against targets 0 -> ln(1 + e^2).
        var logits = cat([zeros(1, 3, 2), full(1, 3, 2, 2f)]).requires_grad_();
        var targets = cat([ones(1, 3, 2), zeros(1, 3, 2)]);
        double first = Math.Log(2), second = Math.Log(1 + Math.Exp(2));

        Assert.Equal(first, EventTrainer.FrameLoss(logits, targets, tensor(new[] { 1f, 0f })).item<float>(), 5);
        Assert.Equal(second, EventTrainer.FrameLoss(logits, targets, tensor(new[] { 0f, 1f })).item<float>(), 5);
        Assert.Equal((first + second) / 2, EventTrainer.FrameLoss(logits, targets, tensor(new[] { 1f, 1f })).item<float>(), 5);
        Assert.Equal(0, EventTrainer.FrameLoss(logits, targets, tensor(new[] { 0f, 0f })).item<float>());
        Assert.Equal(EventTrainer.FrameLoss(logits, targets).item<float>(), EventTrainer.FrameLoss(logits, targets, null).item<float>());

        EventTrainer.FrameLoss(logits, targets, tensor(new[] { 1f, 0f })).backward();
        Assert.Equal(0, logits.grad!.select(0, 1).abs().sum().item<float>());   // the weak clip gets no gradient
        Assert.True(logits.grad!.select(0, 0).abs().sum().item<float>() > 0);
    }

    [Fact]
    public void TheStrongMaskMustHaveOneFlagPerClip()
    {
        var error = Assert.Throws<ArgumentException>(() => new EventTensorDataset(zeros(2, 1, 4, 5), zeros(2, 5, 3), null, ones(3, dtype: ScalarType.Bool)));
        Assert.Contains("strong-label mask", error.Message);
    }

    [Fact]
    public void ShortRunLearnsToFindTheBandsFrameByFrame()
    {
        using var folder = new TempFolder();
        using var train = SyntheticEvents.Make(96, seed: 1);
        using var validation = SyntheticEvents.Make(16, seed: 2);
        var config = SyntheticEvents.Config(epochs: 5);
        double Score(nn.Module<Tensor, Tensor> model)
        {
            using var scope = NewDisposeScope();
            return EventTrainer.FrameF1(EventTrainer.PredictFramePosteriors(model, validation.Inputs), validation.FrameTargets);
        }
        var result = new EventTrainer(config, folder.Path, Score).Run(train, resume: false);

        Assert.Equal(5, result.EpochsCompleted);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss * 0.6, string.Join(" | ", result.History));
        Assert.Equal(result.History.Max(h => h.ValidationScore), result.BestScore);
        using var model = TrainedRun.LoadModel(folder.Path, config, best: true);
        using var scope = NewDisposeScope();
        var posteriors = EventTrainer.PredictFramePosteriors(model, train.Inputs);
        double trainF1 = EventTrainer.FrameF1(posteriors, train.FrameTargets);
        Assert.True(trainF1 > 0.8, $"train frame F1 {trainF1}; " + string.Join(" | ", result.History));
        Assert.Equal(result.BestScore, Score(model), 9);

        Assert.Equal(6, File.ReadAllLines(Path.Combine(folder.Path, "log.csv")).Length);
        Assert.Equal("epoch,learning_rate,train_loss,train_frame_f1,validation_score,seconds,clips_per_second", File.ReadAllLines(Path.Combine(folder.Path, "log.csv"))[0]);
        var stateJson = File.ReadAllText(new CheckpointStore(folder.Path).StatePath);
        Assert.Contains("\"best_score\"", stateJson);
        Assert.DoesNotContain("\"best\"", stateJson);
        var state = new CheckpointStore(folder.Path).ReadState<EventCheckpointState>();
        Assert.Equal((5, result.BestEpoch, result.BestScore), (state.Epoch, state.BestEpoch, state.BestScore));
        Assert.Equal(["best.model", "epoch-0005.model", "epoch-0005.optim", "state.json"],
            Directory.GetFiles(Path.Combine(folder.Path, "checkpoint")).Select(f => Path.GetFileName(f)!).Order().ToArray());
        Assert.Equal("events", RunConfig.Load(Path.Combine(folder.Path, "config.json")).Task);
    }

    [Fact]
    public void ResumeAfterInterruptionMatchesUninterruptedRunWithMixupAndMasks()
    {
        using var straightFolder = new TempFolder();
        using var resumedFolder = new TempFolder();
        using var train = SyntheticEvents.Make(40, seed: 3);
        var config = SyntheticEvents.Config(epochs: 3, augmentation: new AugmentationOptions { MixupAlpha = 0.4, TimeMasks = 1, TimeMaskWidth = 6, FrequencyMasks = 1, FrequencyMaskWidth = 3 });

        var straight = new EventTrainer(config, straightFolder.Path).Run(train, resume: false);
        Assert.Throws<OperationCanceledException>(() =>
            new EventTrainer(config, resumedFolder.Path, observer: new StopAfterEpoch(1)).Run(train, resume: false));
        Assert.Equal(1, new CheckpointStore(resumedFolder.Path).ReadState<EventCheckpointState>().Epoch);
        var resumed = new EventTrainer(config, resumedFolder.Path).Run(train, resume: true);

        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        RunFolderAssert.SameWeights(straightFolder.Path, resumedFolder.Path, config);
    }

    [Fact]
    public void BestModelIsTheEpochWithTheHighestValidationScore()
    {
        using var folder = new TempFolder();
        using var train = SyntheticEvents.Make(16, seed: 4);
        double[] scores = [0.2, 0.5, 0.3];
        var snapshots = new List<Tensor[]>();
        double Score(nn.Module<Tensor, Tensor> model)
        {
            snapshots.Add(model.parameters().Select(p => p.detach().clone()).ToArray());
            return scores[snapshots.Count - 1];
        }
        var result = new EventTrainer(SyntheticEvents.Config(epochs: 3), folder.Path, Score).Run(train, resume: false);
        Assert.Equal((2, 0.5), (result.BestEpoch, result.BestScore));
        Assert.Equal([0.2, 0.5, 0.3], result.History.Select(h => h.ValidationScore));
        using var best = TrainedRun.LoadModel(folder.Path, SyntheticEvents.Config(3), best: true);
        var loaded = best.parameters().ToArray();
        for (int i = 0; i < loaded.Length; i++) Assert.True(loaded[i].eq(snapshots[1][i]).all().item<bool>(), $"parameter {i} is not epoch 2's");
        Assert.False(loaded.Zip(snapshots[2]).All(p => p.First.eq(p.Second).all().item<bool>()), "epoch 3 changed nothing");
        foreach (var snapshot in snapshots) foreach (var t in snapshot) t.Dispose();
    }

    [Fact]
    public void ClipTargetsAddTheAttentionHeadsLoss()
    {
        using var withClips = SyntheticEvents.Make(32, seed: 5, withClipTargets: true);
        using var framesOnly = SyntheticEvents.Make(32, seed: 5);
        using var clipFolder = new TempFolder();
        using var frameFolder = new TempFolder();
        var config = SyntheticEvents.Config(epochs: 2, model: "crnn-att");
        var clip = new EventTrainer(config, clipFolder.Path).Run(withClips, resume: false);
        var frame = new EventTrainer(config, frameFolder.Path).Run(framesOnly, resume: false);
        Assert.All(clip.History, h => Assert.True(double.IsFinite(h.TrainLoss)));
        // Same data, seed and first step: the clip term (about ln 2 at the start) comes on top of the frame loss.
        Assert.True(clip.History[0].TrainLoss > frame.History[0].TrainLoss + 0.3, $"{clip.History[0].TrainLoss} vs {frame.History[0].TrainLoss}");
    }

    [Fact]
    public void PredictFramePosteriorsIsBatchIndependentAndKeepsTheTrainingFlag()
    {
        using var scope = NewDisposeScope();
        using var data = SyntheticEvents.Make(7, seed: 6);
        manual_seed(1);
        using var model = CompactConv.Models.ModelRegistry.Create(SyntheticEvents.Config(1).Model);
        model.train();
        var all = EventTrainer.PredictFramePosteriors(model, data.Inputs, batchSize: 100);
        var inThrees = EventTrainer.PredictFramePosteriors(model, data.Inputs, batchSize: 3);
        Assert.True(model.training);
        Assert.Equal([7L, SyntheticEvents.Frames, 2L], all.shape);
        Assert.False(all.requires_grad);
        Assert.True(all.allclose(inThrees, rtol: 1e-5, atol: 1e-6));
        Assert.True(all.gt(0).all().item<bool>() && all.lt(1).all().item<bool>());
        Assert.Throws<ArgumentException>(() => EventTrainer.PredictFramePosteriors(model, data.Inputs, batchSize: 0));
    }

    [Fact]
    public void FrameF1CountsEveryClipFrameAndClass()
    {
        using var scope = NewDisposeScope();
        // Decisions at 0.5: TP at (0,0), FP at (1,0), FN at (1,1), TN at (0,1): F1 = 2 / (2 + 1 + 1).
        var posteriors = tensor(new float[] { 0.9f, 0.1f, 0.5f, 0.4f }, [1, 2, 2]);
        var targets = tensor(new float[] { 1, 0, 0, 1 }, [1, 2, 2]);
        Assert.Equal(0.5, EventTrainer.FrameF1(posteriors, targets), 12);
        Assert.Equal(0.0, EventTrainer.FrameF1(zeros(1, 2, 2), zeros(1, 2, 2)));
    }

    [Fact]
    public void NaNLossStopsWithAClearErrorAndNoCheckpoint()
    {
        using var folder = new TempFolder();
        using var train = SyntheticEvents.Make(16, seed: 7);
        train.Inputs[0, 0, 0, 0] = tensor(float.NaN);
        RunFolderAssert.DivergesInFirstEpochWithoutCheckpoint(folder.Path, () => new EventTrainer(SyntheticEvents.Config(1), folder.Path).Run(train, resume: false));
    }

    [Fact]
    public void CropsMismatchedClassesAndMismatchedShapesAreRefused()
    {
        using var folder = new TempFolder();
        Assert.Throws<InvalidOptionException>(() => new EventTrainer(
            SyntheticEvents.Config(1, augmentation: new AugmentationOptions { CropFrames = 10 }), folder.Path));
        using var threeClasses = new EventTensorDataset(zeros(2, 1, SyntheticEvents.Mels, SyntheticEvents.Frames), zeros(2, SyntheticEvents.Frames, 3));
        Assert.Throws<ArgumentException>(() => new EventTrainer(SyntheticEvents.Config(1), folder.Path).Run(threeClasses, resume: false));
        Assert.False(new CheckpointStore(folder.Path).Exists);
        using var inputs = zeros(2, 1, 4, 10);
        using var shortTargets = zeros(2, 9, 3);
        using var clipTargets = zeros(2, 2);
        using var frameTargets = zeros(2, 10, 3);
        Assert.Throws<ArgumentException>(() => new EventTensorDataset(inputs, shortTargets));
        Assert.Throws<ArgumentException>(() => new EventTensorDataset(inputs, frameTargets, clipTargets));
    }

    [Fact]
    public void PostProcessingRoundTripsThroughConfigJsonAndIsAbsentWhenUnset()
    {
        var config = SyntheticEvents.Config(1) with
        {
            PostProcessing = new PostProcessingOptions { ClassThresholds = [0.3, 0.6], MedianFilterSeconds = 0.25, MinEventSeconds = 0.1, MinGapSeconds = 0.2 },
        };
        var json = config.ToJson();
        Assert.Contains("\"post_processing\"", json);
        Assert.Contains("\"median_filter_seconds\": 0.25", json);
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("config.json"), json);
        var loaded = RunConfig.Load(folder.File("config.json")).PostProcessing!;
        Assert.Equal([0.3, 0.6], loaded.ClassThresholds!);
        Assert.Equal((0.5, 0.25, 0.1, 0.2), (loaded.Threshold, loaded.MedianFilterSeconds, loaded.MinEventSeconds, loaded.MinGapSeconds));
        Assert.DoesNotContain("post_processing", SyntheticEvents.Config(1).ToJson());
    }
}
