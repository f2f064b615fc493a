using CompactConv.Benchmarks;
using CompactConv.Data;
using CompactConv.Training;
using CompactConv.Training.Augmentation;
using CompactConv.Training.Batches;

namespace CompactConv.Tests.Benchmarks;

public class DataThroughputTests
{
    private static ImageBatchSource Source(int prefetch)
    {
        var data = new ImageDataset(new byte[50 * 3 * 8 * 8], Enumerable.Range(0, 50).Select(i => (long)(i % 2)).ToArray(), 3, 8, 8, ["x", "y"], "zeros");
        return new ImageBatchSource(data, new Normalization([0, 0, 0], [1, 1, 1]),
            new TrainingOptions { BatchSize = 16, Prefetch = prefetch, ImageAugmentation = new ImageAugmentationOptions { CropPadding = 2, HorizontalFlip = true, CutoutSize = 4 } });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void CountsEveryImageOfEveryEpoch(int prefetch)
    {
        using var source = Source(prefetch);

        var result = DataThroughput.Measure(source, epochs: 3);

        Assert.Equal(150, result.Images);
        Assert.Equal(12, result.Batches);
        Assert.True(result.Seconds > 0);
        Assert.Equal(150 / result.Seconds, result.ImagesPerSecond, 6);
    }

    [Fact]
    public void StopsAfterMaxBatchesEvenAcrossEpochs()
    {
        using var source = Source(prefetch: 2);

        var result = DataThroughput.Measure(source, epochs: 5, maxBatches: 6);

        // Four batches of epoch 1 (16, 16, 16, 2 images), then two of epoch 2.
        Assert.Equal(6, result.Batches);
        Assert.Equal(16 * 3 + 2 + 16 * 2, result.Images);
    }

    [Fact]
    public void EveryRoundTimesTheSameBatches()
    {
        using var source = Source(prefetch: 2);
        var seen = new List<int>();

        var result = DataThroughput.MeasureRounds(source, rounds: 3, epochs: 2, maxBatches: 5, (round, r) => seen.Add(round));

        Assert.Equal([1, 2, 3], seen);
        Assert.All(result.Rounds, r => Assert.Equal((5L, 16L * 3 + 2 + 16), (r.Batches, r.Images)));
        Assert.Equal(Spread.Of(result.Rounds.Select(r => r.ImagesPerSecond)), result.ImagesPerSecond);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataThroughput.MeasureRounds(source, rounds: 0));
    }

    [Fact]
    public void RefusesImpossibleCounts()
    {
        using var source = Source(prefetch: 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataThroughput.Measure(source, epochs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataThroughput.Measure(source, maxBatches: 0));
    }
}
