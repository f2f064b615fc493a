namespace CompactConv.Data.Events;

/// <summary>An event as read from an annotation, with where it was written for problem texts.</summary>
/// <param name="Event">The event as written.</param>
/// <param name="Where">"file line N", or the annotation file, clip and times where no line number is known.</param>
internal sealed record AnnotatedEvent(SoundEvent Event, string Where);

/// <summary>A clip named by an annotation whose audio file exists, before its events are checked against the audio.</summary>
/// <param name="Split">The split its annotation assigns.</param>
/// <param name="FileName">The name as the annotation writes it.</param>
/// <param name="AudioPath">Absolute path of the audio file.</param>
/// <param name="Where">The annotation (file, and line for weak rows), for problem texts.</param>
/// <param name="Events">Its events; empty for a weakly labelled clip.</param>
/// <param name="WeakLabels">Its clip-level labels, or null when it is strongly labelled.</param>
internal sealed record AnnotatedClip(EventSplit Split, string FileName, string AudioPath, string Where,
    IReadOnlyList<AnnotatedEvent> Events, IReadOnlyList<string>? WeakLabels);
