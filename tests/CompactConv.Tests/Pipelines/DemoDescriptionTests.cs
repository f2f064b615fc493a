using CompactConv.Pipelines;

namespace CompactConv.Tests.Pipelines;

public class DemoDescriptionTests
{
    [Fact]
    public void QuickModeSaysItsSubsetsEpochsBatchAndThatItSkipsTheWidthTwoRow()
    {
        Assert.Equal(
            "quick demo: 4,000 class-balanced training-split images (10 % of them held out for validation) and 1,000 class-balanced test images; " +
            "2 epochs of batch 64 for each of the 4 width-1 rows (no width-2 row)",
            Demo.Describe(new DemoOptions { Quick = true }));
    }

    [Fact]
    public void TheFullDemoSaysItsCapTheWholeTestSplitAndTheWidthTwoRow()
    {
        Assert.Equal(
            "demo: at most 24,000 class-balanced training-split images (10 % of them held out for validation) and the whole test split; " +
            "3 epochs of batch 128 for each of 5 rows (width-2 compact(max) included)",
            Demo.Describe(new DemoOptions()));
        Assert.EndsWith("1 epoch of batch 128 for each of 5 rows (width-2 compact(max) included)", Demo.Describe(new DemoOptions { Epochs = 1 }));
    }
}
