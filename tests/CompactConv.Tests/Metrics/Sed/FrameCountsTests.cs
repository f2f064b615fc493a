using CompactConv.Metrics.Sed;
using static TorchSharp.torch;

namespace CompactConv.Tests.Metrics.Sed;

/// <summary>The one frame tally behind the training, validation and test frame F1.</summary>
public class FrameCountsTests
{
    [Fact]
    public void CountsEveryClipFrameAndClass()
    {
        using var scope = NewDisposeScope();
        // Two clips x two frames x two classes; found / truth per cell:
        // clip 0: (1,1) TP, (0,0) TN, (1,0) FP, (1,1) TP; clip 1: (0,1) FN, (0,1) FN, (0,0) TN, (1,1) TP.
        var found = tensor(new[] { true, false, true, true, false, false, false, true }, [2, 2, 2]);
        var truth = tensor(new[] { true, false, false, true, true, true, false, true }, [2, 2, 2]);

        var counts = FrameCounts.Of(found, truth);

        Assert.Equal(new FrameCounts(3, 1, 2), counts);
        // 2 * 3 / (2 * 3 + 1 + 2) = 6 / 9.
        Assert.Equal(6.0 / 9.0, counts.F1, 12);
    }

    [Fact]
    public void PerClassThresholds_DecideEachClassOnItsOwn()
    {
        using var scope = NewDisposeScope();
        // Class 0 at 0.5, class 1 at 0.8: 0.6 is active for class 0 only; targets of 0.5 and above are active.
        var posteriors = tensor(new float[] { 0.6f, 0.6f, 0.4f, 0.9f }, [2, 2]);
        var targets = tensor(new float[] { 1f, 1f, 0.5f, 0f }, [2, 2]);
        var counts = FrameCounts.Of(posteriors, targets, tensor(new[] { 0.5, 0.8 }));
        // Cells: (0.6>=0.5, 1) TP; (0.6<0.8, 1) FN; (0.4<0.5, 0.5) FN; (0.9>=0.8, 0) FP.
        Assert.Equal(new FrameCounts(1, 1, 2), counts);
        Assert.Equal(2.0 / 5.0, counts.F1, 12);
    }

    [Fact]
    public void Sums_AddUp_AndTheirF1IsTheMicroF1OfAllCells()
    {
        var sum = new FrameCounts(3, 1, 2) + new FrameCounts(1, 0, 4);
        Assert.Equal(new FrameCounts(4, 1, 6), sum);
        Assert.Equal(8.0 / 15.0, sum.F1, 12);
    }

    [Fact]
    public void NothingToFindAndNothingFound_ScoresZero()
    {
        Assert.Equal(0.0, new FrameCounts().F1);
        Assert.Equal(0.0, new FrameCounts(0, 3, 0).F1);
    }

    [Fact]
    public void DifferentShapes_Throw()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => FrameCounts.Of(ones(2, 3).ge(1), ones(3, 2).ge(1)));
        Assert.Contains("[2, 3]", e.Message);
    }
}
