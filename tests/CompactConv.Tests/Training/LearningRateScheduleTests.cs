using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void CosineStartsAtBaseHalvesAtMiddleAndEndsNearZero()
    {
        var schedule = new LearningRateSchedule(new TrainingOptions { LearningRate = 0.1, Epochs = 2, Schedule = ScheduleKind.Cosine }, 10);
        Assert.Equal(20, schedule.TotalSteps);
        Assert.Equal(0.1, schedule.At(0), 12);
        Assert.Equal(0.05, schedule.At(10), 12);
        Assert.Equal(0.1 * 0.5 * (1 + Math.Cos(Math.PI * 19 / 20)), schedule.At(19), 12);
    }

    [Fact]
    public void StepDecaysEveryStepEpochs()
    {
        var schedule = new LearningRateSchedule(new TrainingOptions { LearningRate = 1, Epochs = 6, Schedule = ScheduleKind.Step, StepEpochs = 2, Gamma = 0.5 }, 5);
        Assert.Equal(1, schedule.At(9), 12);   // epoch 2 (0-based 1)
        Assert.Equal(0.5, schedule.At(10), 12); // first step of epoch 3
        Assert.Equal(0.25, schedule.At(29), 12);
    }

    [Fact]
    public void WarmupRisesLinearly()
    {
        var schedule = new LearningRateSchedule(new TrainingOptions { LearningRate = 1, Epochs = 3, Schedule = ScheduleKind.Constant, WarmupEpochs = 1 }, 4);
        Assert.Equal(new[] { 0.25, 0.5, 0.75, 1.0, 1.0 }, Enumerable.Range(0, 5).Select(s => schedule.At(s)).ToArray());
    }

    [Theory]
    [InlineData(0, 128, 0.1, "Epochs")]
    [InlineData(1, 0, 0.1, "BatchSize")]
    [InlineData(1, 1, -1.0, "LearningRate")]
    [InlineData(1, 1, double.NaN, "LearningRate")]
    public void ImpossibleOptionsNameTheOption(int epochs, int batch, double lr, string option)
    {
        var options = new TrainingOptions { Epochs = epochs, BatchSize = batch, LearningRate = lr };
        var e = Assert.Throws<InvalidOptionException>(options.Validate);
        Assert.Equal(option, e.Property);
    }
}
