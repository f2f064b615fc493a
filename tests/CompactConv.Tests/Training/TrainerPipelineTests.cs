using CompactConv.Data;
using CompactConv.Layers;
using CompactConv.Training;
using CompactConv.Training.Augmentation;
using CompactConv.Training.Batches;

namespace CompactConv.Tests.Training;

/// <summary>Training on the batches of the image input pipeline (<see cref="ImageBatchSource"/>).</summary>
public class TrainerPipelineTests
{
    // 40 grey 28x28 images as bytes: a bright square in quadrant (label) plus noise. Batches of 16:
    // three steps an epoch, the last one of 8.
    private static ImageDataset Images(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 784];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % 4;
            int top = (int)labels[i] / 2 * 14 + 3, left = (int)labels[i] % 2 * 14 + 3;
            for (int y = 0; y < 28; y++)
            {
                for (int x = 0; x < 28; x++)
                {
                    bool inSquare = y >= top && y < top + 8 && x >= left && x < left + 8;
                    pixels[i * 784 + y * 28 + x] = (byte)Math.Clamp((inSquare ? 200 : 30) + random.Next(-30, 31), 0, 255);
                }
            }
        }
        return new ImageDataset(pixels, labels, 1, 28, 28, ["top-left", "top-right", "bottom-left", "bottom-right"], "synthetic bytes");
    }

    private static RunConfig Config(int epochs, ImageAugmentationOptions augmentation, int prefetch = 2, double? maxMinutes = null)
    {
        var config = SyntheticImages.Config(epochs, ConvKind.Compact);
        return config with
        {
            Normalization = new Normalization([0.3], [0.25]),
            Training = config.Training with { ImageAugmentation = augmentation, Prefetch = prefetch, MaxMinutes = maxMinutes },
        };
    }

    private static TensorDataset Normalised(ImageDataset data, Normalization normalization)
    {
        var (inputs, labels) = data.ToTensors();
        var set = new TensorDataset(inputs, labels);
        set.Normalize(normalization);
        return set;
    }

    [Fact]
    public void WithoutAugmentationThePipelineTrainsExactlyAsTheInMemoryTensors()
    {
        using var tensorFolder = new TempFolder();
        using var pipelineFolder = new TempFolder();
        var images = Images(40, seed: 1);
        var config = Config(2, new ImageAugmentationOptions());
        using var train = Normalised(images, config.Normalization);
        using var test = Normalised(Images(12, seed: 2), config.Normalization);

        var fromTensors = new Trainer(config, tensorFolder.Path).Run(train, test, resume: false);
        var fromPipeline = new Trainer(config, pipelineFolder.Path).Run(images, test, resume: false);

        Assert.Equal(fromTensors.History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationAccuracy)),
            fromPipeline.History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationAccuracy)));
        RunFolderAssert.SameWeights(tensorFolder.Path, pipelineFolder.Path, config);
    }

    [Fact]
    public void AugmentedPrefetchedTrainingStoppedInsideEpochsResumesExactly()
    {
        using var straightFolder = new TempFolder();
        using var stoppedFolder = new TempFolder();
        var images = Images(40, seed: 3);
        var augmentation = new ImageAugmentationOptions { CropPadding = 3, HorizontalFlip = true, CutoutSize = 6 };
        var config = Config(2, augmentation, prefetch: 3);
        using var test = Normalised(Images(12, seed: 4), config.Normalization);
        var straight = new Trainer(config, straightFolder.Path).Run(images, test, resume: false);

        // 20 s steps against a 0.5-minute budget: two steps per invocation, so stops fall inside both epochs.
        var stops = new List<TrainingStop>();
        for (int invocation = 0; invocation < 10; invocation++)
        {
            var clock = new FakeClock();
            var budgeted = Config(2, augmentation, prefetch: 3, maxMinutes: 0.5);
            var result = new Trainer(budgeted, stoppedFolder.Path, new TickPerStep(clock, TimeSpan.FromSeconds(20)), clock)
                .Run(images, test, resume: invocation > 0);
            if (result.Stop is null) break;
            stops.Add(result.Stop);
        }

        Assert.Equal([new TrainingStop(1, 2, 3), new TrainingStop(2, 1, 3)], stops);
        Assert.Equal(straight.History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationAccuracy)),
            new CheckpointStore(stoppedFolder.Path).ReadState().History.Select(h => (h.TrainLoss, h.TrainAccuracy, h.ValidationAccuracy)));
        RunFolderAssert.SameWeights(straightFolder.Path, stoppedFolder.Path, config);
    }

    [Fact]
    public void AugmentationChangesWhatTheModelLearnsFrom()
    {
        using var plainFolder = new TempFolder();
        using var augmentedFolder = new TempFolder();
        var images = Images(40, seed: 5);
        var plain = Config(1, new ImageAugmentationOptions());
        var augmented = Config(1, new ImageAugmentationOptions { CropPadding = 4, HorizontalFlip = true });
        using var test = Normalised(Images(12, seed: 6), plain.Normalization);

        double plainLoss = new Trainer(plain, plainFolder.Path).Run(images, test, resume: false).History[0].TrainLoss;
        double augmentedLoss = new Trainer(augmented, augmentedFolder.Path).Run(images, test, resume: false).History[0].TrainLoss;

        Assert.NotEqual(plainLoss, augmentedLoss);
    }

    [Fact]
    public void TrainingThroughThePipelineLeavesNoLiveTensorsBehind()
    {
        using var folder = new TempFolder();
        var images = Images(40, seed: 9);
        // Prefetch 0 makes every batch on this thread, where the live-tensor statistics count.
        var config = Config(2, new ImageAugmentationOptions { CropPadding = 2, CutoutSize = 4 }, prefetch: 0);
        using var test = Normalised(Images(8, seed: 10), config.Normalization);
        long live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        new Trainer(config, folder.Path).Run(images, test, resume: false);

        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
