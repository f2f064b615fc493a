using CompactConv.Metrics;

namespace CompactConv.Tests.Metrics;

public class ProbabilityMetricsTests
{
    [Fact]
    public void LogLossAndPredictionsFromProbabilitiesByHand()
    {
        var p = new float[,] { { 0.7f, 0.2f, 0.1f }, { 0.1f, 0.3f, 0.6f }, { 0f, 1f, 0f } };
        var metrics = ClassificationMetrics.FromProbabilities(new long[] { 0, 1, 0 }, p, ["a", "b", "c"]);
        Assert.Equal(new long[] { 0, 2, 1 }, metrics.Predicted);
        Assert.Equal(1.0 / 3, metrics.Accuracy, 12);
        // -(ln 0.7 + ln 0.3 + ln 1e-15) / 3: a zero probability is clamped as scikit-learn does.
        double expected = -(Math.Log(0.7f) + Math.Log(0.3f) + Math.Log(1e-15)) / 3;
        Assert.Equal(expected, metrics.Loss!.Value, 6);
    }

    [Fact]
    public void AccuracyByDeviceIgnoresUnknownDevices()
    {
        var byDevice = ClassificationMetrics.AccuracyByGroup(new long[] { 0, 1, 1, 0, 2 }, new long[] { 0, 0, 1, 0, 2 }, ["a", "a", "b", null, "b"]);
        Assert.Equal(["a", "b"], byDevice.Keys.ToArray());
        Assert.Equal(0.5, byDevice["a"], 12);
        Assert.Equal(1.0, byDevice["b"], 12);
    }
}
