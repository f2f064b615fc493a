using CompactConv.Data.Events;
using CompactConv.Events;
using static TorchSharp.torch;

namespace CompactConv.Tests.Events;

public class EventDecoderTests
{
    private const double Hop = 0.1;

    /// <summary>[frames, 1] posteriors of a single class "a".</summary>
    private static float[,] Column(params float[] values)
    {
        var result = new float[values.Length, 1];
        for (int t = 0; t < values.Length; t++) result[t, 0] = values[t];
        return result;
    }

    private static List<SoundEvent> Decode(float[,] posteriors, PostProcessingOptions? options = null) =>
        EventDecoder.Decode(posteriors, Hop, ["a"], "clip.wav", options);

    private static void Events(List<SoundEvent> actual, params (double Onset, double Offset)[] expected)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Onset, actual[i].Onset, 9);
            Assert.Equal(expected[i].Offset, actual[i].Offset, 9);
        }
    }

    [Fact]
    public void APosteriorEqualToTheThresholdIsActiveAndOneJustBelowIsNot()
    {
        var events = Decode(Column(0.49f, 0.5f, 0.51f, 0.2f));
        Events(events, (0.1, 0.3));
        Assert.Equal(new SoundEvent("clip.wav", events[0].Onset, events[0].Offset, "a"), events[0]);
    }

    [Fact]
    public void AnEventRunningToTheLastFrameEndsAtFramesTimesHop()
    {
        Events(Decode(Column(0, 0, 0, 0.9f, 0.9f)), (0.3, 0.5));
        Events(Decode(Column(0.9f, 0.9f, 0.9f, 0.9f, 0.9f)), (0.0, 0.5));
        Assert.Empty(Decode(Column(0, 0, 0)));
    }

    [Fact]
    public void MedianFilterRemovesAOneFrameBlipAndFillsAOneFrameHole()
    {
        var median = PostProcessingOptions.Default with { MedianFilterSeconds = 0.3 };
        Assert.Empty(Decode(Column(0, 0, 1, 0, 0, 0), median));
        Events(Decode(Column(1, 1, 0, 1, 1, 0, 0), median), (0.0, 0.5));
        // Without the filter the same inputs give the blip and two events.
        Events(Decode(Column(0, 0, 1, 0, 0, 0)), (0.2, 0.3));
        Events(Decode(Column(1, 1, 0, 1, 1, 0, 0)), (0.0, 0.2), (0.3, 0.5));
    }

    [Fact]
    public void MedianWindowIsTheNearestOddFrameCount()
    {
        Assert.Equal(1, PostProcessingOptions.Default.MedianWindowFrames(Hop));
        Assert.Equal(3, (PostProcessingOptions.Default with { MedianFilterSeconds = 0.3 }).MedianWindowFrames(Hop));
        Assert.Equal(5, (PostProcessingOptions.Default with { MedianFilterSeconds = 0.4 }).MedianWindowFrames(Hop));
        Assert.Equal(1, (PostProcessingOptions.Default with { MedianFilterSeconds = 0.04 }).MedianWindowFrames(Hop));
    }

    [Fact]
    public void MedianFilterRepeatsTheEndFrames()
    {
        // With the first frame repeated, frame 0's window is (1, 1, 0): a one-frame event at the start survives.
        Assert.Equal([true, false, false, false], EventDecoder.MedianFilter([true, false, false, false], 3));
        Assert.Equal([false, false, true, true, true], EventDecoder.MedianFilter([false, true, false, true, true], 3));
        Assert.Equal([true, true, false, false, false], EventDecoder.MedianFilter([true, false, true, false, false], 5));
        Assert.Throws<ArgumentException>(() => EventDecoder.MedianFilter([true], 2));
    }

    [Fact]
    public void EventsCloserThanTheMinimumGapMergeAndAGapOfExactlyTheMinimumDoesNot()
    {
        var posteriors = Column(1, 1, 0, 0, 1, 1, 0, 0, 0, 1);
        Events(Decode(posteriors, PostProcessingOptions.Default with { MinGapSeconds = 0.25 }), (0.0, 0.6), (0.9, 1.0));
        Events(Decode(posteriors, PostProcessingOptions.Default with { MinGapSeconds = 0.2 }), (0.0, 0.2), (0.4, 0.6), (0.9, 1.0));
        // 3 * 0.1 is 0.30000000000000004 in floating point: still a gap of exactly 0.3 s.
        Events(Decode(posteriors, PostProcessingOptions.Default with { MinGapSeconds = 0.3 }), (0.0, 0.6), (0.9, 1.0));
        Events(Decode(posteriors, PostProcessingOptions.Default with { MinGapSeconds = 0.31 }), (0.0, 1.0));
    }

    [Fact]
    public void ShortEventsAreDroppedAfterMerging()
    {
        var posteriors = Column(1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0);
        var options = PostProcessingOptions.Default with { MinEventSeconds = 0.2 };
        Events(Decode(posteriors, options), (0.3, 0.5));
        // Merging first joins the single frames 6 and 8 (gaps of one frame) with 3-4 into 0.3-0.9.
        Events(Decode(posteriors, options with { MinGapSeconds = 0.15 }), (0.3, 0.9));
        // An event of exactly the minimum length stays.
        Events(Decode(Column(0, 1, 1, 0), options), (0.1, 0.3));
    }

    [Fact]
    public void PerClassThresholdsApplyToTheirClassAndEventsComeInOnsetOrder()
    {
        var posteriors = new float[,] { { 0.4f, 0.0f }, { 0.4f, 0.6f }, { 0.8f, 0.6f }, { 0.0f, 0.6f } };
        string[] names = ["dog", "car"];
        var global = EventDecoder.Decode(posteriors, Hop, names, "f", PostProcessingOptions.Default);
        Assert.Equal([("car", 0.1), ("dog", 0.2)], global.Select(e => (e.Label, Math.Round(e.Onset, 9))));
        var perClass = EventDecoder.Decode(posteriors, Hop, names, "f", PostProcessingOptions.Default with { ClassThresholds = [0.3, 0.7] });
        var dog = Assert.Single(perClass);
        Assert.Equal(("dog", 0.0, 0.3), (dog.Label, dog.Onset, Math.Round(dog.Offset, 9)));
    }

    [Fact]
    public void TensorPosteriorsBecomeTheSameArrayFrameByFrame()
    {
        var posteriors = new float[,] { { 0.1f, 0.9f }, { 0.7f, 0.9f }, { 0.7f, 0.2f } };
        using var t = tensor(new double[] { 0.1, 0.9, 0.7, 0.9, 0.7, 0.2 }, [3, 2]);
        Assert.Equal(posteriors, PosteriorArrays.ToArray(t));
        Assert.Equal(EventDecoder.Decode(posteriors, Hop, ["a", "b"], "f"), EventDecoder.Decode(PosteriorArrays.ToArray(t), Hop, ["a", "b"], "f"));
        using var wrongRank = zeros(2, 3, 2);
        var e = Assert.Throws<ArgumentException>(() => PosteriorArrays.ToArray(wrongRank));
        Assert.Equal("posteriors", e.ParamName);
    }

    [Fact]
    public void MismatchedClassesAndImpossibleOptionsAreRefused()
    {
        var posteriors = Column(0.5f);
        Assert.Throws<ArgumentException>(() => EventDecoder.Decode(posteriors, Hop, ["a", "b"], "f"));
        Assert.Throws<ArgumentException>(() => Decode(posteriors, PostProcessingOptions.Default with { Threshold = 1.5 }));
        Assert.Throws<ArgumentException>(() => Decode(posteriors, PostProcessingOptions.Default with { ClassThresholds = [0.5, 0.5] }));
        Assert.Throws<ArgumentException>(() => Decode(posteriors, PostProcessingOptions.Default with { MinGapSeconds = -1 }));
        Assert.Throws<ArgumentException>(() => Decode(posteriors, PostProcessingOptions.Default with { MedianFilterSeconds = double.NaN }));
        Assert.Throws<ArgumentException>(() => EventDecoder.Decode(posteriors, 0, ["a"], "f"));
    }
}
