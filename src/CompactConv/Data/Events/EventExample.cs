namespace CompactConv.Data.Events;

/// <summary>One annotated clip of a sound event dataset, its events checked against its audio.</summary>
/// <param name="AudioPath">Absolute path of the audio file.</param>
/// <param name="FileName">The file's name as the annotation writes it, the <see cref="SoundEvent.File"/> of its events;
/// unique within a split.</param>
/// <param name="Events">The strongly labelled events, sorted by onset, offset and label; same-label overlaps merged and
/// events cut at the clip's end. Empty for a clip without events and for a weakly labelled clip.</param>
/// <param name="WeakLabels">For a clip with clip-level labels only: its distinct labels in the order written;
/// null for a strongly labelled clip.</param>
/// <param name="Duration">Length of the audio in seconds, from the file header.</param>
public sealed record EventExample(string AudioPath, string FileName, IReadOnlyList<SoundEvent> Events,
    IReadOnlyList<string>? WeakLabels, double Duration)
{
    /// <summary>Whether only clip-level labels are known, so the clip has no frame targets.</summary>
    public bool IsWeak => WeakLabels is not null;

    /// <summary>The clip's distinct labels: its weak labels, or the labels of its events in order of first onset.</summary>
    public IReadOnlyList<string> Labels => WeakLabels ?? Events.Select(e => e.Label).Distinct(StringComparer.Ordinal).ToList();
}
