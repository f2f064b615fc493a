using System.Globalization;
using CompactConv.Audio.Features;

namespace CompactConv.Data.Events;

/// <summary>
/// Multi-hot targets for sound event detection on the log-mel frame grid.
/// <para>
/// <b>Frame convention.</b> With hop h = hop_length / sample_rate seconds, log-mel frame t (centred
/// front end) is the window centred on sample t * hop_length, i.e. on time t h. Its target covers
/// [t h, (t + 1) h): the stretch from its centre to the next frame's centre. Frame t is active for a
/// class when an event of that class overlaps that interval, so an event [onset, offset) marks frames
/// floor(onset / h) to ceil(offset / h) - 1, and decoding active frames back to times as
/// [t h, (t + 1) h) returns an interval that contains the event and overshoots by under one hop.
/// An event of zero length marks the frame containing its onset. Without centring (center = false)
/// frame t is centred on t h + (n_fft / 2) / sample_rate and every interval moves by that amount.
/// Times within 1e-9 of a frame boundary (in frames) count as on it, so that 0.5 s at a hop of
/// 0.25 s is frame 2 exactly despite rounding in the division.
/// </para>
/// </summary>
public sealed class FrameTargets
{
    private const double BoundaryTolerance = 1e-9;

    private readonly Dictionary<string, int> _index;

    /// <summary>Targets on the frame grid of <paramref name="features"/> for <paramref name="classNames"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options, or class names empty, blank or repeated.</exception>
    public FrameTargets(LogMelOptions features, IReadOnlyList<string> classNames)
        : this((double)features.Validate().HopLength / features.SampleRate, classNames,
            features.Center ? 0 : features.NFft / 2 / (double)features.SampleRate)
    {
    }

    /// <summary>Targets on frames <paramref name="hopSeconds"/> apart, frame 0 starting at <paramref name="firstFrameStart"/>.</summary>
    /// <exception cref="ArgumentException">A hop that is not positive and finite, or class names empty, blank or repeated.</exception>
    public FrameTargets(double hopSeconds, IReadOnlyList<string> classNames, double firstFrameStart = 0)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (!(hopSeconds > 0 && double.IsFinite(hopSeconds)))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the frame hop must be a positive number of seconds, got {hopSeconds}"));
        if (!double.IsFinite(firstFrameStart))
            throw new ArgumentException("the first frame's start must be finite");
        if (classNames.Count == 0)
            throw new ArgumentException("targets need at least one class");
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string name in classNames)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("class names must not be blank");
            if (!_index.TryAdd(name, _index.Count))
                throw new ArgumentException($"class '{name}' is listed twice");
        }
        HopSeconds = hopSeconds;
        FirstFrameStart = firstFrameStart;
        ClassNames = classNames.ToArray();
    }

    /// <summary>The classes in target order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Seconds from one frame to the next.</summary>
    public double HopSeconds { get; }

    /// <summary>Where frame 0's interval starts, in seconds: 0 for a centred front end.</summary>
    public double FirstFrameStart { get; }

    /// <summary>The start of frame <paramref name="frame"/>'s interval in seconds; it ends where frame + 1 starts.</summary>
    public double FrameStart(int frame) => FirstFrameStart + frame * HopSeconds;

    /// <summary>
    /// The frames [First, End) an event from <paramref name="onset"/> to <paramref name="offset"/> seconds
    /// overlaps, not limited to a clip's frames (First is negative for an event before frame 0).
    /// </summary>
    /// <exception cref="ArgumentException">A time that is not finite, or an onset after the offset.</exception>
    public (int First, int End) FrameSpan(double onset, double offset)
    {
        if (!double.IsFinite(onset) || !double.IsFinite(offset) || onset > offset)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"an event needs finite times with onset <= offset, got {onset}-{offset}"));
        double from = (onset - FirstFrameStart) / HopSeconds, to = (offset - FirstFrameStart) / HopSeconds;
        int first = ToFrame(Math.Floor(from + BoundaryTolerance));
        int end = ToFrame(Math.Ceiling(to - BoundaryTolerance));
        return (first, Math.Max(end, first + 1));
    }

    /// <summary>
    /// Frame targets [frames, classes] of a clip: 1 where an event of the class overlaps the frame
    /// (see the class remarks), 0 elsewhere. Events beyond the last frame are cut off.
    /// </summary>
    /// <exception cref="ArgumentException">An event of an unknown class, or bad times.</exception>
    public float[,] Frames(IEnumerable<SoundEvent> events, int frames)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        var targets = new float[frames, ClassNames.Count];
        foreach (var e in events)
        {
            int c = ClassIndex(e.Label);
            var (first, end) = FrameSpan(e.Onset, e.Offset);
            for (int t = Math.Max(first, 0); t < Math.Min(end, frames); t++)
                targets[t, c] = 1;
        }
        return targets;
    }

    /// <summary>Clip-level (weak) targets [classes]: 1 for each class among <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">An unknown label.</exception>
    public float[] Clip(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var targets = new float[ClassNames.Count];
        foreach (string label in labels)
            targets[ClassIndex(label)] = 1;
        return targets;
    }

    /// <summary>The index of <paramref name="label"/> in <see cref="ClassNames"/>.</summary>
    /// <exception cref="ArgumentException">The label is not a class.</exception>
    public int ClassIndex(string label) =>
        _index.TryGetValue(label, out int index) ? index : throw new ArgumentException($"unknown class '{label}'");

    // Event times are seconds of a clip; a frame index beyond int means a nonsensical time or hop.
    private static int ToFrame(double value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new ArgumentException($"a time maps to frame {value}, out of range");
}
