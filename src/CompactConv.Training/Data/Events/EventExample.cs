namespace CompactConv.Data.Events;

/// <summary>One annotated clip of a sound event dataset, its events checked against its audio.</summary>
/// <param name="AudioPath">Absolute path of the audio file.</param>
/// <param name="FileName">The file's name as the annotation writes it, the <see cref="SoundEvent.File"/> of its events;
/// unique within a split.</param>
/// <param name="Events">The strongly labelled events tidied for frame targets: sorted by onset, offset and label,
/// same-label overlaps merged and events cut at the clip's end. Empty for a clip without events and for a weakly
/// labelled clip.</param>
/// <param name="WeakLabels">For a clip with clip-level labels only: its distinct labels in the order written;
/// null for a strongly labelled clip.</param>
/// <param name="Duration">Length of the audio in seconds, from the file header.</param>
/// <param name="ReferenceEvents">The strongly labelled events as the annotation writes them, in its order: not cut at
/// the clip's end, not merged. The reference every metric scores against, because sed_eval and psds_eval score
/// the annotation file as it is. Events whose label is not a training class (dropped with skip-bad) are not
/// among them. Empty for a clip without events and for a weakly labelled clip.</param>
public sealed record EventExample(string AudioPath, string FileName, IReadOnlyList<SoundEvent> Events,
    IReadOnlyList<string>? WeakLabels, double Duration, IReadOnlyList<SoundEvent> ReferenceEvents)
{
    /// <summary>Whether only clip-level labels are known, so the clip has no frame targets.</summary>
    public bool IsWeak => WeakLabels is not null;

    /// <summary>The clip's distinct labels: its weak labels, or the labels of its events in order of first onset.</summary>
    public IReadOnlyList<string> Labels => WeakLabels ?? Events.Select(e => e.Label).Distinct(StringComparer.Ordinal).ToList();
}
