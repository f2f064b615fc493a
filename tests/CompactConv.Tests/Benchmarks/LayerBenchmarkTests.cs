using CompactConv.Benchmarks;

namespace CompactConv.Tests.Benchmarks;

public class LayerBenchmarkTests
{
    [Fact]
    public void TimesEveryLayerInEveryRoundAndComparesToSeparable()
    {
        var options = new LayerBenchmarkOptions { InChannels = 4, OutChannels = 4, Height = 4, Width = 4, Batch = 2, Rounds = 3, WarmupRounds = 1 };
        var progress = new List<(int, int)>();

        var result = LayerBenchmark.Run(options, (done, total) => progress.Add((done, total)));

        Assert.Equal([(1, 4), (2, 4), (3, 4), (4, 4)], progress);
        // Five layers, a forward pass and a training step each, in four rounds.
        Assert.Equal(5 * 2 * 4, result.Steps);
        Assert.Equal(["standard", "separable", "compact(max)", "compact(mean)", "squeeze"], result.Infer.Variants.Select(v => v.Label));
        Assert.Equal("separable", result.Train.Reference);
        Assert.All(result.Rows, row => Assert.Equal([3, 3, 3, 3], new[] { row.InferMs.Count, row.TrainMs.Count, row.InferRatio.Count, row.TrainRatio.Count }));
        Assert.Equal(new Spread(3, 1, 1, 1, 1, 1), result.Rows[1].InferRatio);
        Assert.Equal(new Spread(3, 1, 1, 1, 1, 1), result.Rows[1].TrainRatio);
        Assert.Equal(result.Infer.Variants[0].Value, result.Rows[0].InferMs);
        Assert.Equal(result.Train.Variants[2].Ratio, result.Rows[2].TrainRatio);
    }
}
