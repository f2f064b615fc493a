using CompactConv.Data.Events;

namespace CompactConv.Events;

/// <summary>
/// Turns one clip's frame posteriors [frames, classes] into an event list. For each class: binarise
/// with its threshold (a posterior equal to the threshold is active), median-filter the activity, take
/// each run of active frames as an event, merge events of the class whose gap is shorter than the
/// minimum gap, then drop events shorter than the minimum length.
/// </summary>
/// <remarks>
/// Frame t covers [t * hop, (t + 1) * hop) seconds, so a run of frames s .. e - 1 becomes the event
/// [s * hop, e * hop): an event running to the last frame ends at frames * hop. Durations are
/// compared with a 1e-9 s slack so that a gap of exactly the minimum (3 * 0.1 vs 0.3) counts as equal.
/// </remarks>
public static class EventDecoder
{
    private const double Slack = 1e-9;

    /// <summary>
    /// The events of one clip, ordered by onset, then by class index. <paramref name="posteriors"/> is
    /// [frames, classes] with classes index-aligned to <paramref name="classNames"/>; <paramref name="frameSeconds"/> is the hop.
    /// </summary>
    public static List<SoundEvent> Decode(float[,] posteriors, double frameSeconds, IReadOnlyList<string> classNames,
        string fileName, PostProcessingOptions? options = null)
    {
        options ??= PostProcessingOptions.Default;
        Check(posteriors, frameSeconds, classNames, options);
        var events = new List<(SoundEvent Event, int Class)>();
        for (int c = 0; c < classNames.Count; c++)
        {
            events.AddRange(DecodeClass(posteriors, c, options.ThresholdOf(c), frameSeconds, classNames[c], fileName, options)
                .Select(e => (e, c)));
        }
        return events.OrderBy(e => e.Event.Onset).ThenBy(e => e.Class).Select(e => e.Event).ToList();
    }

    /// <summary>
    /// Median filter of a binary sequence with an odd <paramref name="window"/>: each frame takes the
    /// majority of the window centred on it. The ends are padded by repeating the first and last
    /// frames, so an event touching an end of the clip keeps that end.
    /// </summary>
    public static bool[] MedianFilter(IReadOnlyList<bool> active, int window)
    {
        if (window < 1 || window % 2 == 0) throw new ArgumentException($"median window must be odd and positive, got {window}");
        int n = active.Count, half = window / 2;
        var filtered = new bool[n];
        for (int t = 0; t < n; t++)
        {
            int on = 0;
            for (int k = t - half; k <= t + half; k++) on += active[Math.Clamp(k, 0, n - 1)] ? 1 : 0;
            filtered[t] = on > half;
        }
        return filtered;
    }

    /// <summary>The events of class <paramref name="classIndex"/> alone, in time order, with the given threshold.</summary>
    internal static List<SoundEvent> DecodeClass(float[,] posteriors, int classIndex, double threshold, double frameSeconds,
        string label, string fileName, PostProcessingOptions options)
    {
        int frames = posteriors.GetLength(0);
        var active = new bool[frames];
        for (int t = 0; t < frames; t++) active[t] = posteriors[t, classIndex] >= threshold;
        int window = options.MedianWindowFrames(frameSeconds);
        var runs = Runs(window > 1 ? MedianFilter(active, window) : active);

        var merged = new List<(int Start, int End)>();
        foreach (var run in runs)
        {
            if (merged.Count > 0 && (run.Start - merged[^1].End) * frameSeconds < options.MinGapSeconds - Slack)
            {
                merged[^1] = (merged[^1].Start, run.End);
            }
            else
            {
                merged.Add(run);
            }
        }
        return merged
            .Where(r => (r.End - r.Start) * frameSeconds >= options.MinEventSeconds - Slack)
            .Select(r => new SoundEvent(fileName, r.Start * frameSeconds, r.End * frameSeconds, label))
            .ToList();
    }

    /// <summary>Checks that posteriors, hop, class names and options fit together.</summary>
    internal static void Check(float[,] posteriors, double frameSeconds, IReadOnlyList<string> classNames, PostProcessingOptions options)
    {
        if (!(frameSeconds > 0) || double.IsInfinity(frameSeconds)) throw new ArgumentException($"frame hop must be a positive number of seconds, got {frameSeconds}");
        if (posteriors.GetLength(1) != classNames.Count)
        {
            throw new ArgumentException($"posteriors have {posteriors.GetLength(1)} classes but {classNames.Count} class names were given");
        }
        options.Validate(classNames.Count);
    }

    // Half-open [start, end) frame ranges of consecutive active frames.
    private static List<(int Start, int End)> Runs(bool[] active)
    {
        var runs = new List<(int, int)>();
        int start = -1;
        for (int t = 0; t <= active.Length; t++)
        {
            bool on = t < active.Length && active[t];
            if (on && start < 0) start = t;
            if (!on && start >= 0)
            {
                runs.Add((start, t));
                start = -1;
            }
        }
        return runs;
    }
}
