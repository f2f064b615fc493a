using System.Globalization;
using CompactConv.Data.Events;

namespace CompactConv.Events;

/// <summary>
/// A system's detections at several settings, the operating points a PSD-ROC is drawn through: frame
/// posteriors decoded at a list of thresholds, or a scored event list cut at each of its scores.
/// </summary>
public static class OperatingPoints
{
    /// <summary>The number of thresholds of the DCASE task 4 baselines' PSDS evaluation.</summary>
    public const int DefaultThresholdCount = 50;

    /// <summary>
    /// <paramref name="count"/> thresholds evenly spaced in (0, 1), each in the middle of its 1/count
    /// stretch: (2i + 1) / (2 count), so 50 gives 0.01, 0.03, ..., 0.99 as the DCASE baselines use.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1.</exception>
    public static IReadOnlyList<double> EvenThresholds(int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "at least one threshold is needed");
        return Enumerable.Range(0, count).Select(i => (2.0 * i + 1) / (2.0 * count)).ToArray();
    }

    /// <summary>
    /// The events of every clip decoded at each threshold in turn (the same threshold for every class),
    /// with the rest of <paramref name="postProcessing"/> (median filter, gap merging, minimum length).
    /// </summary>
    /// <exception cref="ArgumentException">Posteriors, hop, classes or options that do not fit together, or a threshold outside [0, 1].</exception>
    public static List<List<SoundEvent>> Decode(IReadOnlyList<ClipPosteriors> clips, double frameSeconds, IReadOnlyList<string> classNames,
        PostProcessingOptions postProcessing, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds.Select(threshold =>
        {
            var options = postProcessing with { Threshold = threshold, ClassThresholds = null };
            return clips.SelectMany(clip => EventDecoder.Decode(clip.Posteriors, frameSeconds, classNames, clip.File, options)).ToList();
        }).ToList();
    }

    /// <summary>
    /// The events of <paramref name="list"/> whose score reaches each distinct score in turn, from the highest
    /// score (fewest events) to the lowest (all of them): every setting a scored list can express. A list
    /// without events gives one operating point without detections.
    /// </summary>
    /// <exception cref="ArgumentException">An event without a finite score.</exception>
    public static List<List<SoundEvent>> FromScores(ScoredEventList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Events.FirstOrDefault(e => !double.IsFinite(e.Score)) is { } bad)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"event '{bad.Event.Label}' of {bad.Event.File} at {bad.Event.Onset}-{bad.Event.Offset} s has no finite score"));
        if (list.Events.Count == 0)
            return [[]];
        return list.Events.Select(e => e.Score).Distinct().OrderDescending()
            .Select(score => list.Events.Where(e => e.Score >= score).Select(e => e.Event).ToList())
            .ToList();
    }
}
