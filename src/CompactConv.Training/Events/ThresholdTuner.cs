using CompactConv.Data.Events;

namespace CompactConv.Events;

/// <summary>The thresholds a tuning chose and the score the whole event list reached with them.</summary>
/// <param name="Options">The starting options with <see cref="PostProcessingOptions.ClassThresholds"/> set.</param>
/// <param name="Score">The scorer's value for the events decoded with those options.</param>
public sealed record ThresholdTuning(PostProcessingOptions Options, double Score);

/// <summary>
/// Chooses per-class thresholds on a validation set by coordinate ascent: class by class, every grid
/// value (and the class's current threshold) is tried with the other classes fixed, and the value
/// whose decoded event list scores highest is kept. The scorer sees the events of every class and
/// holds the references itself, so any metric can drive the search; for a metric that is a sum or
/// mean of per-class terms (macro F1) each step maximises that class's term exactly.
/// </summary>
public static class ThresholdTuner
{
    /// <summary>0.1, 0.2, ..., 0.9.</summary>
    public static IReadOnlyList<double> DefaultGrid { get; } = Enumerable.Range(1, 9).Select(i => i / 10.0).ToArray();

    /// <summary>
    /// Tunes the thresholds for <paramref name="clips"/>. Every other post-processing step is taken from
    /// <paramref name="start"/>, whose thresholds are also the starting point; a tie keeps the value
    /// closest to the current threshold, so the score never falls below the starting one.
    /// </summary>
    public static ThresholdTuning Tune(IReadOnlyList<ClipPosteriors> clips, double frameSeconds, IReadOnlyList<string> classNames,
        Func<IReadOnlyList<SoundEvent>, double> score, PostProcessingOptions? start = null, IReadOnlyList<double>? grid = null)
    {
        start ??= PostProcessingOptions.Default;
        grid ??= DefaultGrid;
        if (grid.Count == 0 || grid.Any(g => !(g >= 0 && g <= 1))) throw new ArgumentException($"threshold grid must hold values in [0, 1], got [{string.Join(", ", grid)}]");
        foreach (var clip in clips) EventDecoder.Check(clip.Posteriors, frameSeconds, classNames, start);

        var thresholds = Enumerable.Range(0, classNames.Count).Select(start.ThresholdOf).ToArray();
        var eventsOf = Enumerable.Range(0, classNames.Count).Select(c => Decode(clips, c, thresholds[c], frameSeconds, classNames, start)).ToArray();
        double best = Score(score, eventsOf);
        for (int c = 0; c < classNames.Count; c++)
        {
            double current = thresholds[c];
            foreach (var candidate in grid.Where(g => g != current))
            {
                var kept = eventsOf[c];
                eventsOf[c] = Decode(clips, c, candidate, frameSeconds, classNames, start);
                double value = Score(score, eventsOf);
                bool better = value > best || (value == best && Math.Abs(candidate - current) < Math.Abs(thresholds[c] - current));
                if (better)
                {
                    best = value;
                    thresholds[c] = candidate;
                }
                else
                {
                    eventsOf[c] = kept;
                }
            }
        }
        return new ThresholdTuning(start with { ClassThresholds = thresholds }, best);
    }

    // NaN (an undefined metric) ranks below every number, so it never wins a comparison silently.
    private static double Score(Func<IReadOnlyList<SoundEvent>, double> score, List<SoundEvent>[] eventsOf)
    {
        double value = score(eventsOf.SelectMany(e => e).ToList());
        return double.IsNaN(value) ? double.NegativeInfinity : value;
    }

    private static List<SoundEvent> Decode(IReadOnlyList<ClipPosteriors> clips, int classIndex, double threshold, double frameSeconds,
        IReadOnlyList<string> classNames, PostProcessingOptions options) =>
        clips.SelectMany(clip => EventDecoder.DecodeClass(clip.Posteriors, classIndex, threshold, frameSeconds, classNames[classIndex], clip.File, options)).ToList();
}
