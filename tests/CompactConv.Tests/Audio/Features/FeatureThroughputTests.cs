using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class FeatureThroughputTests
{
    private static readonly LogMelOptions Small = new() { SampleRate = 8000, NFft = 256, HopLength = 128, NMels = 16 };

    [Fact]
    public void MeasureExtraction_GivesOneSpreadOfTheTimedRoundsPerWorkerCount()
    {
        var results = FeatureThroughput.MeasureExtraction(Small, clips: 3, seconds: 0.1, workerCounts: [1, 2], rounds: 3, warmupRounds: 0);
        Assert.Equal([1, 2], results.Select(r => r.Workers));
        Assert.All(results, r => Assert.Equal(3, r.ClipsPerSecond.Count));
        // 0.1 s of audio per clip: times real time is a tenth of clips per second, round by round.
        Assert.All(results, r => Assert.Equal(r.ClipsPerSecond.Median / 10, r.TimesRealTime.Median, 9));
    }

    [Fact]
    public void MeasureExtraction_RefusesNonsense()
    {
        Assert.Throws<ArgumentException>(() => FeatureThroughput.MeasureExtraction(Small, 0, 0.1, [1], 1));
        Assert.Throws<ArgumentException>(() => FeatureThroughput.MeasureExtraction(Small, 1, 0, [1], 1));
        Assert.Throws<ArgumentException>(() => FeatureThroughput.MeasureExtraction(Small, 1, 0.1, [], 1));
        Assert.Throws<ArgumentException>(() => FeatureThroughput.MeasureExtraction(Small, 1, 0.1, [0], 1));
        Assert.Throws<ArgumentException>(() => FeatureThroughput.MeasureExtraction(Small, 1, 0.1, [1], 0));
    }
}
