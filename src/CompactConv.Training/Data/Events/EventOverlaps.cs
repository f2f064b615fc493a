namespace CompactConv.Data.Events;

/// <summary>
/// Events of one label that overlap in one file: finding them and merging them into one event.
/// Two events overlap when one starts before the other ends, by a positive stretch of time (so
/// touching events, <c>next.Onset == previous.Offset</c>, stay apart, and a zero-length event
/// inside another overlaps it). This is psds_eval's test for "intersecting events of the same class".
/// </summary>
public static class EventOverlaps
{
    /// <summary>
    /// The list with every chain of overlapping same-label events of a file replaced by one event from
    /// the earliest onset to the latest offset. The files keep their order; within a file the events
    /// are sorted by onset, offset and label, so merging a merged list changes nothing.
    /// </summary>
    public static EventList Merge(EventList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var merged = list.Events.GroupBy(e => e.File, StringComparer.Ordinal)
            .SelectMany(file => Merge(file, e => e, (_, joined) => joined))
            .ToList();
        return new EventList(list.Files, merged);
    }

    /// <summary>A pair of overlapping same-label events (of the first file that has one), or null when there is none.</summary>
    public static (SoundEvent First, SoundEvent Second)? FindFirst(IEnumerable<SoundEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        (SoundEvent, SoundEvent)? found = null;
        foreach (var file in events.GroupBy(e => e.File, StringComparer.Ordinal))
        {
            Merge(file, e => e, (_, joined) => joined, (previous, next, _) => found ??= (previous, next));
            if (found is not null)
                return found;
        }
        return null;
    }

    /// <summary>
    /// Merges the overlapping same-label events of one file's <paramref name="items"/>, sorted by
    /// onset, offset and label. <paramref name="merged"/> is told of each merge: the running merged
    /// item, the item it swallows and the event they become.
    /// </summary>
    /// <param name="items">Things carrying the events of one file.</param>
    /// <param name="eventOf">The event an item carries.</param>
    /// <param name="withEvent">The item with its event replaced by the merged one.</param>
    /// <param name="merged">Called for every merge; may be null.</param>
    internal static List<T> Merge<T>(IEnumerable<T> items, Func<T, SoundEvent> eventOf, Func<T, SoundEvent, T> withEvent,
        Action<T, T, SoundEvent>? merged = null)
    {
        var result = new List<T>();
        foreach (var byLabel in items.GroupBy(i => eventOf(i).Label, StringComparer.Ordinal))
        {
            T? current = default;
            bool started = false;
            foreach (var next in byLabel.OrderBy(i => eventOf(i).Onset).ThenBy(i => eventOf(i).Offset))
            {
                if (started && eventOf(next).Onset < eventOf(current!).Offset)
                {
                    var joined = eventOf(current!) with { Offset = Math.Max(eventOf(current!).Offset, eventOf(next).Offset) };
                    merged?.Invoke(current!, next, joined);
                    current = withEvent(current!, joined);
                    continue;
                }
                if (started)
                    result.Add(current!);
                current = next;
                started = true;
            }
            if (started)
                result.Add(current!);
        }
        return result
            .OrderBy(i => eventOf(i).Onset).ThenBy(i => eventOf(i).Offset).ThenBy(i => eventOf(i).Label, StringComparer.Ordinal)
            .ToList();
    }
}
