using CompactConv.Data;
using CompactConv.Models;
using CompactConv.Training;
using CompactConv.Training.Augmentation;
using CompactConv.Training.Batches;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training.Batches;

public class ImageBatchSourceTests
{
    // 23 colour images of 6x5 whose bytes follow the index; labels cycle through 4 classes.
    private static ImageDataset Images(int count = 23, int channels = 3, int height = 6, int width = 5)
    {
        int size = channels * height * width;
        var pixels = new byte[count * size];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)((i * 37 + i / size * 11) % 256);
        var labels = Enumerable.Range(0, count).Select(i => (long)(i % 4)).ToArray();
        return new ImageDataset(pixels, labels, channels, height, width, ["a", "b", "c", "d"], "test images");
    }

    private static readonly Normalization Stats = new([0.5, 0.4, 0.3], [0.2, 0.25, 0.3]);

    private static readonly ImageAugmentationOptions All = new() { CropPadding = 2, HorizontalFlip = true, CutoutSize = 3 };

    private static ImageBatchSource Source(ImageDataset data, int prefetch, ImageAugmentationOptions? augmentation = null, int batch = 8, int seed = 4) =>
        new(data, Stats, new TrainingOptions { BatchSize = batch, Seed = seed, Prefetch = prefetch, ImageAugmentation = augmentation ?? new() });

    private static void AssertSame(TrainingBatch expected, TrainingBatch actual)
    {
        Assert.Equal(expected.Step, actual.Step);
        Assert.Equal(expected.Inputs.shape, actual.Inputs.shape);
        Assert.True(expected.Inputs.equal(actual.Inputs).all().item<bool>(), $"inputs of step {expected.Step} differ");
        Assert.True(expected.Labels.equal(actual.Labels).all().item<bool>(), $"labels of step {expected.Step} differ");
    }

    [Fact]
    public void WithoutAugmentationABatchIsTheTrainersSliceOfTheNormalisedSet()
    {
        var data = Images();
        var (inputs, labels) = data.ToTensors();
        using var normalised = new TensorDataset(inputs, labels);
        normalised.Normalize(Stats);
        using var source = Source(data, prefetch: 0);
        long[] order = Seeds.Shuffle(23, seed: 4, epoch: 2);

        var batches = source.Epoch(2).ToList();

        Assert.Equal(3, batches.Count);
        Assert.Equal([8L, 8L, 7L], batches.Select(b => b.Count));
        for (int step = 0; step < 3; step++)
        {
            using var index = tensor(order.Skip(step * 8).Take(8).ToArray());
            using var expectedInputs = normalised.Inputs.index_select(0, index);
            using var expectedLabels = normalised.Labels.index_select(0, index);
            Assert.True(expectedInputs.equal(batches[step].Inputs).all().item<bool>());
            Assert.True(expectedLabels.equal(batches[step].Labels).all().item<bool>());
            batches[step].Dispose();
        }
    }

    [Fact]
    public void AugmentationIsCropFlipThenNormaliseThenCutoutWithTheBatchSeed()
    {
        var data = Images();
        using var source = Source(data, prefetch: 0, All);
        long[] order = Seeds.Shuffle(23, seed: 4, epoch: 3);

        using var batch = source.Batch(3, 1);

        using var scope = NewDisposeScope();
        var indices = order.Skip(8).Take(8).Select(i => (int)i).ToArray();
        var (images, labels) = data.ToTensors(indices);
        var draws = ImageAugmentationDraws.Draw(8, 6, 5, All, new Random(ImageBatchSource.BatchSeed(4, 3, 1)));
        var expected = ImageAugmenter.CropAndFlip(images, 2, draws);
        for (int c = 0; c < 3; c++) expected[.., c].sub_(Stats.Mean[c]).div_(Stats.Std[c]);
        ImageAugmenter.Cutout(expected, 3, draws);
        Assert.True(expected.allclose(batch.Inputs, rtol: 0, atol: 1e-6));
        Assert.True(labels.equal(batch.Labels).all().item<bool>());
    }

    [Fact]
    public void TheLoaderThreadGivesExactlyTheSynchronousBatches()
    {
        var data = Images(61);
        using var background = Source(data, prefetch: 3, All);
        using var synchronous = Source(data, prefetch: 0, All);

        for (int epoch = 1; epoch <= 2; epoch++)
        {
            var fromThread = background.Epoch(epoch).ToList();
            var inline = synchronous.Epoch(epoch).ToList();
            Assert.Equal(8, fromThread.Count);
            for (int step = 0; step < inline.Count; step++)
            {
                AssertSame(inline[step], fromThread[step]);
                inline[step].Dispose();
                fromThread[step].Dispose();
            }
        }
    }

    [Fact]
    public void AnyStepCanBeMadeAloneForAResume()
    {
        var data = Images();
        using var source = Source(data, prefetch: 2, All);

        var epoch = source.Epoch(5).ToList();

        for (int step = 0; step < epoch.Count; step++)
        {
            using var alone = source.Batch(5, step);
            AssertSame(alone, epoch[step]);
            epoch[step].Dispose();
        }
    }

    [Fact]
    public void EpochsDifferAndRepeat()
    {
        var data = Images();
        using var source = Source(data, prefetch: 0, All);

        using var first = source.Batch(1, 0);
        using var again = source.Batch(1, 0);
        using var next = source.Batch(2, 0);

        AssertSame(first, again);
        Assert.False(first.Inputs.equal(next.Inputs).all().item<bool>());
    }

    [Fact]
    public void BatchesOutliveTheCallersDisposeScopeAndDieWithTheBatch()
    {
        var data = Images();
        using var source = Source(data, prefetch: 0, All);
        TrainingBatch batch;
        using (NewDisposeScope())
        {
            batch = source.Batch(1, 0);
        }

        Assert.False(batch.Inputs.IsInvalid);
        Assert.Equal(new long[] { 8, 3, 6, 5 }, batch.Inputs.shape);
        batch.Dispose();
        Assert.True(batch.Inputs.IsInvalid);
        Assert.True(batch.Labels.IsInvalid);
    }

    [Fact]
    public void AnEpochLeavesNoTensorsBehindOnTheCallersThread()
    {
        var data = Images();
        using var source = Source(data, prefetch: 0, All);
        foreach (var batch in source.Epoch(1)) batch.Dispose();

        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        foreach (var batch in source.Epoch(2)) batch.Dispose();

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void TheBatchesFollowTheTrainingOptionsBatchSizeAndSeed()
    {
        var data = Images();
        using var source = new ImageBatchSource(data, Stats, new TrainingOptions { BatchSize = 5, Seed = 9, Prefetch = 3, ImageAugmentation = All });
        long[] order = Seeds.Shuffle(23, seed: 9, epoch: 1);

        var labels = source.Epoch(1).Select(b => { using (b) return b.Labels.data<long>().ToArray(); }).ToList();

        Assert.Equal(5, source.StepsPerEpoch);
        Assert.Equal(order.Select(i => data.Labels[i]), labels.SelectMany(l => l));
        Assert.Equal([5, 5, 5, 5, 3], labels.Select(l => l.Length));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void AnEpochStartedAtALaterStepGivesTheTailOfTheWholeEpoch(int prefetch)
    {
        var data = Images();
        using var source = Source(data, prefetch, All);
        var whole = source.Epoch(3).ToList();
        var tail = source.Epoch(3, firstStep: 1).ToList();

        Assert.Equal([1L, 2L], tail.Select(b => b.Step));
        for (int k = 0; k < tail.Count; k++) AssertSame(whole[k + 1], tail[k]);
        Assert.Empty(source.Epoch(3, firstStep: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Epoch(3, firstStep: 4));
        foreach (var batch in whole.Concat(tail)) batch.Dispose();
    }

    [Fact]
    public void ImpossibleSettingsAreRefused()
    {
        var data = Images();
        Assert.Throws<ArgumentException>(() => new ImageBatchSource(data, new Normalization([0.5], [0.2]), new TrainingOptions()));
        Assert.Equal("Prefetch", Assert.Throws<InvalidOptionException>(() => Source(data, prefetch: 17)).Property);
        Assert.Equal("BatchSize", Assert.Throws<InvalidOptionException>(() => Source(data, prefetch: 0, batch: 0)).Property);
        Assert.Equal("ImageAugmentation.CutoutSize", Assert.Throws<InvalidOptionException>(() => Source(data, prefetch: 0, new ImageAugmentationOptions { CutoutSize = -1 })).Property);
        using var source = Source(data, prefetch: 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Batch(1, 3));
    }
}
