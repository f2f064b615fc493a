using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class TrainingOptionsTests
{
    [Theory]
    [InlineData(0.0, null, "--clip-grad")]
    [InlineData(-1.0, null, "--clip-grad")]
    [InlineData(double.PositiveInfinity, null, "--clip-grad")]
    [InlineData(null, 0.0, "--max-minutes")]
    [InlineData(null, -5.0, "--max-minutes")]
    [InlineData(null, double.NaN, "--max-minutes")]
    public void ClipAndBudgetMustBePositiveNumbers(double? clip, double? minutes, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainingOptions { ClipGradNorm = clip, MaxMinutes = minutes }.Validate());
        Assert.Contains(option, e.Message);
    }

    [Fact]
    public void NoClipAndNoBudgetAreValid() => new TrainingOptions { ClipGradNorm = null, MaxMinutes = null }.Validate();
}
