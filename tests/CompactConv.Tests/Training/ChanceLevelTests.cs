using CompactConv.Cli;
using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class ChanceLevelTests
{
    [Theory]
    [InlineData(0.119, 10, true)]   // below 1.2 x 10 %
    [InlineData(0.12, 10, false)]
    [InlineData(0.59, 2, true)]     // below 1.2 x 50 %
    [InlineData(0.61, 2, false)]
    [InlineData(double.NaN, 10, false)]
    [InlineData(0.0, 1, false)]     // one class: nothing to guess
    public void ChanceIsBelowTwelveTenthsOfOneOverTheClassCount(double accuracy, int classes, bool atChance) =>
        Assert.Equal(atChance, ChanceLevel.IsAtChance(accuracy, classes));

    [Fact]
    public void FewStepsBlameTheBudgetAndManyBlameTheLearningRateInTheApisTerms()
    {
        Assert.Null(ChanceLevel.Warning("validation accuracy", 0.5, 10, 8));

        string few = ChanceLevel.Warning("validation accuracy", 0.1, 10, 8)!;
        Assert.Equal("validation accuracy 10.0 % is at chance level (10.0 % for 10 classes): only 8 optimisation steps: too few for the weights and the "
            + "BatchNorm statistics to settle; give it more TrainingOptions.Epochs, more data or a smaller TrainingOptions.BatchSize", few);
        Assert.EndsWith("give it more --epochs, more data or a smaller --batch", OptionFlags.ToFlags(few));

        string many = ChanceLevel.Warning("validation accuracy", 0.1, 10, 500)!;
        Assert.Contains("after 500 optimisation steps: check TrainingOptions.LearningRate", many);
        Assert.Contains("check --lr (too high", OptionFlags.ToFlags(many));
    }
}
