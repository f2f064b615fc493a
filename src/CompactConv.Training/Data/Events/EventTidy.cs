using System.Globalization;

namespace CompactConv.Data.Events;

/// <summary>
/// Makes a clip's events consistent with its audio for building frame targets: cut at the clip's end,
/// same-label overlaps merged. Both are noted rather than refused because the annotation is still
/// usable as it is meant. Metrics do not see the tidied events (see <see cref="EventExample.ReferenceEvents"/>).
/// </summary>
internal static class EventTidy
{
    /// <summary>
    /// How far an event may run past the clip's end without a note: annotations round their times
    /// (URBAN-SED and DESED write 10.000 for clips that are 10 s to the sample), and a millisecond is
    /// far below a feature frame. The event is cut at the end either way.
    /// </summary>
    public const double SilentOverrun = 0.001;

    /// <summary>
    /// The events of a clip of <paramref name="duration"/> seconds, cut to [0, duration], with events
    /// starting at or after the end left out, overlapping events of one label merged, sorted by onset,
    /// offset and label. Every change is described in <paramref name="notes"/>.
    /// </summary>
    public static List<SoundEvent> Tidy(IReadOnlyList<AnnotatedEvent> events, double duration, List<string> notes)
    {
        var inside = new List<AnnotatedEvent>();
        foreach (var annotated in events)
        {
            var e = annotated.Event;
            if (e.Onset >= duration)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{annotated.Where}: starts at {e.Onset:0.###} s, at or after the clip's end ({duration:0.###} s); left out"));
                continue;
            }
            if (e.Offset > duration)
            {
                if (e.Offset - duration > SilentOverrun)
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{annotated.Where}: ends at {e.Offset:0.###} s, after the clip's end ({duration:0.###} s); cut at the end"));
                inside.Add(annotated with { Event = e with { Offset = duration } });
                continue;
            }
            inside.Add(annotated);
        }

        // Two overlapping events of one label are one stretch of that class being active, so the frame
        // targets are the same either way; merging keeps the training events tidy. The metrics score
        // against the annotation as written (EventExample.ReferenceEvents), as sed_eval does.
        return EventOverlaps.Merge(inside, a => a.Event, (a, joined) => a with { Event = joined },
                (previous, next, joined) => notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{next.Where}: overlaps {previous.Where} of the same label '{joined.Label}'; merged into {joined.Onset:0.###}-{joined.Offset:0.###} s")))
            .Select(a => a.Event)
            .ToList();
    }
}
