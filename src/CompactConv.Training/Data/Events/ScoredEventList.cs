namespace CompactConv.Data.Events;

/// <summary>An event with the confidence a system gave it.</summary>
/// <param name="Event">The event.</param>
/// <param name="Score">The system's confidence: the event is output at every decision threshold up to this value.</param>
public sealed record ScoredEvent(SoundEvent Event, double Score);

/// <summary>An event list whose events carry scores (<see cref="EventListTsv.ReadScored"/>).</summary>
/// <param name="Files">Every file named, in the order first seen, including files declared without events.</param>
/// <param name="Events">The events in file order.</param>
public sealed record ScoredEventList(IReadOnlyList<string> Files, IReadOnlyList<ScoredEvent> Events);
