using CompactConv.Metrics;

namespace CompactConv.Tests.Metrics;

public class ClassificationMetricsTests
{
    [Fact]
    public void CountsAccuracyPerClassAndConfusionByHand()
    {
        // truth:     0 0 0 1 1 2
        // predicted: 0 1 0 1 2 2   -> correct 4 of 6
        var metrics = new ClassificationMetrics(new long[] { 0, 0, 0, 1, 1, 2 }, new long[] { 0, 1, 0, 1, 2, 2 }, ["a", "b", "c"]);
        Assert.Equal(4.0 / 6, metrics.Accuracy, 12);
        Assert.Equal(2.0 / 3, metrics.PerClassAccuracy[0], 12);
        Assert.Equal(0.5, metrics.PerClassAccuracy[1], 12);
        Assert.Equal(1.0, metrics.PerClassAccuracy[2], 12);
        Assert.Equal((2.0 / 3 + 0.5 + 1.0) / 3, metrics.MacroAccuracy, 12);
        Assert.Equal(2, metrics.Confusion[0, 0]);
        Assert.Equal(1, metrics.Confusion[0, 1]);
        Assert.Equal(1, metrics.Confusion[1, 2]);
        Assert.Equal(0, metrics.Confusion[2, 0]);
        Assert.Equal(new long[] { 2, 1, 0 }, metrics.ConfusionRows()[0]);
    }

    [Fact]
    public void ClassWithoutSamplesIsNaNAndLeftOutOfMacro()
    {
        var metrics = new ClassificationMetrics(new long[] { 0, 0 }, new long[] { 0, 1 }, ["a", "b"]);
        Assert.True(double.IsNaN(metrics.PerClassAccuracy[1]));
        Assert.Equal(0.5, metrics.MacroAccuracy, 12);
    }

    [Fact]
    public void RejectsMismatchedLengthsAndOutOfRangeLabels()
    {
        Assert.Throws<ArgumentException>(() => new ClassificationMetrics(new long[] { 0 }, new long[] { 0, 1 }, ["a", "b"]));
        var e = Assert.Throws<ArgumentException>(() => new ClassificationMetrics(new long[] { 0, 5 }, new long[] { 0, 1 }, ["a", "b"]));
        Assert.Contains("5", e.Message);
    }
}
