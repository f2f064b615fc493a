using CompactConv.Data.Events;
using CompactConv.Events;

namespace CompactConv.Tests.Events;

public class OperatingPointsTests
{
    private static SoundEvent E(string file, double onset, double offset, string label) => new(file, onset, offset, label);

    [Fact]
    public void EvenThresholdsSitInTheMiddleOfEqualStretches()
    {
        var dcase = OperatingPoints.EvenThresholds(OperatingPoints.DefaultThresholdCount);
        Assert.Equal(50, dcase.Count);
        Assert.Equal(0.01, dcase[0], 15);
        Assert.Equal(0.03, dcase[1], 15);
        Assert.Equal(0.99, dcase[^1], 15);
        Assert.Equal([0.125, 0.375, 0.625, 0.875], OperatingPoints.EvenThresholds(4));
        Assert.Equal([0.5], OperatingPoints.EvenThresholds(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.EvenThresholds(0));
    }

    [Fact]
    public void PosteriorsAreDecodedAtEachThresholdWithTheRestOfThePostProcessing()
    {
        // Frames of 0.1 s; dog rises 0.2, 0.6, 0.9, 0.6 with a dip to 0.3 before the last frame.
        var clip = new ClipPosteriors("a.wav", new float[,] { { 0.2f, 0 }, { 0.6f, 0 }, { 0.9f, 0.7f }, { 0.3f, 0 }, { 0.6f, 0 } });
        // Per-class thresholds of the run are replaced; gaps under 0.15 s are still merged.
        var post = new PostProcessingOptions { ClassThresholds = [0.99, 0.99], MinGapSeconds = 0.15 };

        var points = OperatingPoints.Decode([clip], 0.1, ["dog", "cat"], post, [0.15, 0.5, 0.8, 0.95]);

        Assert.Equal(4, points.Count);
        Assert.Equal([E("a.wav", 0, 0.5, "dog"), E("a.wav", 0.2, 0.30000000000000004, "cat")], points[0]);
        // 0.5: dog is on but for frames 0 and 3; frame 3's 0.1 s gap is merged.
        Assert.Equal([E("a.wav", 0.1, 0.5, "dog"), E("a.wav", 0.2, 0.30000000000000004, "cat")], points[1]);
        Assert.Equal([E("a.wav", 0.2, 0.30000000000000004, "dog")], points[2]);
        Assert.Empty(points[3]);
    }

    [Fact]
    public void AScoredListGivesOnePointPerDistinctScore()
    {
        var a = new ScoredEvent(E("f", 0, 1, "dog"), 0.9);
        var b = new ScoredEvent(E("f", 2, 3, "dog"), 0.4);
        var c = new ScoredEvent(E("g", 0, 1, "cat"), 0.9);

        var points = OperatingPoints.FromScores(new ScoredEventList(["f", "g"], [a, b, c]));

        Assert.Equal([[a.Event, c.Event], [a.Event, b.Event, c.Event]], points);
        Assert.Equal([[]], OperatingPoints.FromScores(new ScoredEventList(["f"], [])));
        Assert.Throws<ArgumentException>(() => OperatingPoints.FromScores(new ScoredEventList(["f"], [a with { Score = double.NaN }])));
    }
}
