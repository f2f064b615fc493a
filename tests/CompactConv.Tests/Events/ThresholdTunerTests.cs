using CompactConv.Data.Events;
using CompactConv.Events;

namespace CompactConv.Tests.Events;

public class ThresholdTunerTests
{
    private const double Hop = 0.1;
    private static readonly string[] Names = ["a", "b"];

    // Class a: the true event (frames 2-4) peaks at 0.65, a false one (frames 7-8) at 0.35.
    // Class b: the true event (frames 0-2) only reaches 0.25, a false one-frame blip (frame 6) 0.15.
    private static readonly ClipPosteriors Clip = new("x.wav", new float[,]
    {
        { 0, 0.25f }, { 0, 0.25f }, { 0.65f, 0.25f }, { 0.65f, 0 }, { 0.65f, 0 }, { 0, 0 }, { 0, 0.15f }, { 0.35f, 0 }, { 0.35f, 0 }, { 0, 0 },
    });

    private static readonly SoundEvent[] Reference = [new("x.wav", 0.2, 0.5, "a"), new("x.wav", 0.0, 0.3, "b")];

    /// <summary>Macro F1 over the two classes, an estimate matching a reference when both ends agree to 1 ms.</summary>
    private static double MacroF1(IReadOnlyList<SoundEvent> estimated) => Names.Average(label =>
    {
        var est = estimated.Where(e => e.Label == label).ToList();
        var reference = Reference.Where(e => e.Label == label).ToList();
        int hits = est.Count(e => reference.Any(r => Math.Abs(r.Onset - e.Onset) < 1e-3 && Math.Abs(r.Offset - e.Offset) < 1e-3));
        return est.Count + reference.Count == 0 ? 1 : 2.0 * hits / (est.Count + reference.Count);
    });

    [Fact]
    public void EachClassGetsTheGridValueThatScoresBestClosestToTheStart()
    {
        var tuning = ThresholdTuner.Tune([Clip], Hop, Names, MacroF1);
        // a: 0.1 .. 0.3 also find the false event (F1 2/3), 0.4 .. 0.6 only the true one (1), 0.7 .. 0.9 nothing;
        // of the ties 0.5 is the start. b: 0.1 adds the blip, 0.2 is the only perfect value.
        Assert.Equal([0.5, 0.2], tuning.Options.ClassThresholds!.Select(t => Math.Round(t, 9)));
        Assert.Equal(1.0, tuning.Score, 12);
        Assert.Equal(0.5, MacroF1(EventDecoder.Decode(Clip.Posteriors, Hop, Names, Clip.File)), 12);
        Assert.Equal(1.0, MacroF1(EventDecoder.Decode(Clip.Posteriors, Hop, Names, Clip.File, tuning.Options)), 12);
    }

    [Fact]
    public void OtherPostProcessingIsKeptAndUsedWhileTuning()
    {
        // With a 0.3 s median the true b event survives and the blip does not, so 0.1 and 0.2 tie: 0.2 is nearer the start.
        var start = PostProcessingOptions.Default with { MedianFilterSeconds = 0.3, Threshold = 0.3 };
        var tuning = ThresholdTuner.Tune([Clip], Hop, Names, MacroF1, start);
        Assert.Equal(0.3, tuning.Options.MedianFilterSeconds);
        Assert.Equal(0.4, tuning.Options.ClassThresholds![0], 9);
        Assert.Equal(0.2, tuning.Options.ClassThresholds![1], 9);
    }

    [Fact]
    public void TheScoreNeverFallsBelowTheStartingThresholds()
    {
        var start = PostProcessingOptions.Default with { ClassThresholds = [0.45, 0.22] };
        // A grid holding no better value keeps the start.
        var tuning = ThresholdTuner.Tune([Clip], Hop, Names, MacroF1, start, grid: [0.9, 0.1]);
        Assert.Equal([0.45, 0.22], tuning.Options.ClassThresholds!);
        Assert.Equal(1.0, tuning.Score, 12);
    }

    [Fact]
    public void AnEmptyOrOutOfRangeGridIsRefused()
    {
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune([Clip], Hop, Names, MacroF1, grid: []));
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune([Clip], Hop, Names, MacroF1, grid: [1.2]));
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune([Clip], Hop, ["a"], MacroF1));
    }
}
