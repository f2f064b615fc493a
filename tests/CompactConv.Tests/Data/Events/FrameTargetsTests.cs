using CompactConv.Audio.Features;
using CompactConv.Data.Events;
using static CompactConv.Tests.Data.Events.EventFixtures;

namespace CompactConv.Tests.Data.Events;

public class FrameTargetsTests
{
    private static readonly string[] Classes = ["dog", "siren"];

    // Hop 0.25 s: frame t covers [0.25 t, 0.25 (t + 1)).
    private static readonly FrameTargets Quarter = new(0.25, Classes);

    private static int[] Active(float[,] targets, int c) =>
        Enumerable.Range(0, targets.GetLength(0)).Where(t => targets[t, c] == 1).ToArray();

    [Theory]
    [InlineData(0.5, 1.0, 2, 4)]    // both on boundaries: frames 2 and 3, not frame 4 that starts at the offset
    [InlineData(0.6, 0.9, 2, 4)]    // inside frames 2 and 3
    [InlineData(0.0, 0.25, 0, 1)]   // exactly frame 0
    [InlineData(0.24, 0.26, 0, 2)]  // straddles the 0.25 boundary
    [InlineData(0.3, 0.3, 1, 2)]    // zero length: the frame containing it
    [InlineData(0.5, 0.5, 2, 3)]    // zero length on a boundary: the frame starting there
    [InlineData(0.25, 0.2500000000001, 1, 2)] // a sliver past a boundary stays in one frame
    public void AnEventMarksTheFramesItsIntervalOverlaps(double onset, double offset, int first, int end)
    {
        Assert.Equal((first, end), Quarter.FrameSpan(onset, offset));
    }

    [Fact]
    public void TimesOnAFrameBoundaryAreNotMovedByRounding()
    {
        var tenth = new FrameTargets(0.1, Classes);
        Assert.True(0.3 / 0.1 < 3); // 2.9999999999999996: a plain floor would start one frame early

        Assert.Equal((3, 6), tenth.FrameSpan(0.3, 0.6));
        Assert.Equal(0.3, tenth.FrameStart(3), 12);
    }

    [Fact]
    public void FrameTargetsAreMultiHotPerClassAndCutAtTheLastFrame()
    {
        var targets = Quarter.Frames(
        [
            Event("a.wav", 0.5, 1.0, "dog"),
            Event("a.wav", 0.1, 0.3, "siren"),
            Event("a.wav", 0.7, 5.0, "siren"),
            Event("a.wav", 0.9, 0.95, "dog"),
        ], frames: 6);

        Assert.Equal(6, targets.GetLength(0));
        Assert.Equal(2, targets.GetLength(1));
        Assert.Equal([2, 3], Active(targets, 0));
        Assert.Equal([0, 1, 2, 3, 4, 5], Active(targets, 1));
        Assert.Equal(8, targets.Cast<float>().Count(v => v == 1)); // everything else is 0
    }

    [Fact]
    public void ClipTargetsMarkEachLabelOnce()
    {
        Assert.Equal([1f, 0f], Quarter.Clip(["dog", "dog"]));
        Assert.Equal([1f, 1f], Quarter.Clip(["siren", "dog"]));
        Assert.Equal([0f, 0f], Quarter.Clip([]));
        Assert.Equal(1, Quarter.ClassIndex("siren"));
    }

    [Fact]
    public void TheLogMelHopSetsTheGridAndCentringItsOrigin()
    {
        var centred = new FrameTargets(new LogMelOptions { SampleRate = 8000, NFft = 4096, HopLength = 2000, NMels = 16 }, Classes);
        Assert.Equal(0.25, centred.HopSeconds);
        Assert.Equal(0, centred.FirstFrameStart);
        Assert.Equal((2, 4), centred.FrameSpan(0.5, 1.0));

        // Uncentred, frame t's window is centred on 0.25 t + 2048 / 8000 = 0.25 t + 0.256 s.
        var uncentred = new FrameTargets(new LogMelOptions { SampleRate = 8000, NFft = 4096, HopLength = 2000, NMels = 16, Center = false }, Classes);
        Assert.Equal(0.256, uncentred.FirstFrameStart);
        Assert.Equal((0, 2), uncentred.FrameSpan(0.256, 0.756));
        Assert.Equal((-2, -1), uncentred.FrameSpan(0.0, 0.0));
        Assert.Equal([0], Active(uncentred.Frames([Event("a.wav", 0, 0.3, "dog")], 3), 0));
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new FrameTargets(0, Classes));
        Assert.Throws<ArgumentException>(() => new FrameTargets(double.NaN, Classes));
        Assert.Throws<ArgumentException>(() => new FrameTargets(0.1, Classes, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new FrameTargets(0.1, []));
        Assert.Throws<ArgumentException>(() => new FrameTargets(0.1, ["dog", "dog"]));
        Assert.Throws<ArgumentException>(() => new FrameTargets(0.1, ["dog", " "]));
        Assert.Throws<ArgumentException>(() => new FrameTargets(new LogMelOptions { HopLength = 0 }, Classes));
        Assert.Throws<ArgumentException>(() => Quarter.FrameSpan(1.0, 0.5));
        Assert.Throws<ArgumentException>(() => Quarter.FrameSpan(double.NaN, 0.5));
        Assert.Throws<ArgumentException>(() => Quarter.FrameSpan(0, 1e12));
        Assert.Throws<ArgumentException>(() => Quarter.Frames([Event("a.wav", 0, 1, "cat")], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quarter.Frames([], -1));
        Assert.Throws<ArgumentException>(() => Quarter.Clip(["cat"]));
    }
}
