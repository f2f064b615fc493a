namespace CompactConv.Data.Events;

/// <summary>
/// One annotation file of an explicitly described event dataset and the folder its audio is in.
/// Strong files are event lists with the header <c>filename onset offset event_label</c>; weak
/// files have the header <c>filename event_labels</c> with comma-separated labels per clip.
/// </summary>
/// <param name="Split">The split its clips go to.</param>
/// <param name="Annotations">The annotation file, absolute or relative to the dataset folder.</param>
/// <param name="AudioFolder">The folder the file names are relative to, absolute or relative to the dataset folder.</param>
/// <param name="Weak">Clip-level labels (<c>filename event_labels</c>) instead of events.</param>
public sealed record EventSplitFile(EventSplit Split, string Annotations, string AudioFolder, bool Weak = false);
