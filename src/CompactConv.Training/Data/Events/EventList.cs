namespace CompactConv.Data.Events;

/// <summary>
/// The content of an event list file: its events in file order and every audio file it names.
/// </summary>
/// <param name="Files">
/// Every file named in the list, in the order first seen, including files declared without events
/// (a file with no events is still evaluated: everything detected in it is an insertion).
/// </param>
/// <param name="Events">The events in file order.</param>
public sealed record EventList(IReadOnlyList<string> Files, IReadOnlyList<SoundEvent> Events);
