namespace CompactConv.Events;

/// <summary>
/// How <see cref="EventDecoder"/> turns frame posteriors into events: thresholds, a median filter,
/// gap merging and a minimum length. Saved in a run's config.json, so detection repeats evaluation.
/// </summary>
public sealed record PostProcessingOptions
{
    /// <summary>The defaults: threshold 0.5, no median filter, no merging, no minimum length.</summary>
    public static PostProcessingOptions Default { get; } = new();

    /// <summary>Threshold of every class without its own; a posterior equal to it counts as active.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Per-class thresholds, index-aligned with the class names; null to use <see cref="Threshold"/> for all.</summary>
    public double[]? ClassThresholds { get; init; }

    /// <summary>Median filter window in seconds over each class's binarised activity; 0 turns it off.</summary>
    public double MedianFilterSeconds { get; init; }

    /// <summary>Events shorter than this many seconds are dropped (after merging).</summary>
    public double MinEventSeconds { get; init; }

    /// <summary>Two events of one class separated by less than this many seconds become one.</summary>
    public double MinGapSeconds { get; init; }

    /// <summary>The threshold of class <paramref name="classIndex"/>.</summary>
    public double ThresholdOf(int classIndex) => ClassThresholds?[classIndex] ?? Threshold;

    /// <summary>
    /// The median window in frames: <see cref="MedianFilterSeconds"/> / <paramref name="frameSeconds"/>
    /// rounded to the nearest whole number, then up to the next odd one so the window has a centre frame.
    /// 1 means no filtering.
    /// </summary>
    public int MedianWindowFrames(double frameSeconds)
    {
        int frames = (int)Math.Round(MedianFilterSeconds / frameSeconds, MidpointRounding.AwayFromZero);
        return Math.Max(1, frames % 2 == 0 ? frames + 1 : frames);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value for <paramref name="classCount"/> classes.</summary>
    public void Validate(int classCount)
    {
        CheckThreshold("threshold", Threshold);
        if (ClassThresholds is { } thresholds)
        {
            if (thresholds.Length != classCount)
            {
                throw new ArgumentException($"post-processing: {thresholds.Length} class thresholds for {classCount} classes");
            }
            for (int c = 0; c < thresholds.Length; c++) CheckThreshold($"threshold of class {c}", thresholds[c]);
        }
        CheckSeconds("median filter", MedianFilterSeconds);
        CheckSeconds("minimum event length", MinEventSeconds);
        CheckSeconds("minimum gap", MinGapSeconds);
    }

    private static void CheckThreshold(string what, double value)
    {
        if (!(value >= 0 && value <= 1)) throw new ArgumentException($"post-processing: {what} must be in [0, 1], got {value}");
    }

    private static void CheckSeconds(string what, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw new ArgumentException($"post-processing: {what} must be a non-negative number of seconds, got {value}");
    }
}
