namespace CompactConv.Audio.Synthesis;

/// <summary>What the set-level files need from one written soundscape, without its audio.</summary>
internal sealed record SoundscapeRecord(SoundscapePlan Plan, IReadOnlyList<PlacedEvent> Events, IReadOnlyList<DroppedEvent> Dropped,
    double PeakBeforeScaling, double GainReductionDb, int EventsOverSilentBackground)
{
    public string FileName => Plan.Name + ".wav";

    public static SoundscapeRecord From(SoundscapeStems stems) => new(
        stems.Plan,
        stems.Events.Select(e => e.Event).OrderBy(e => e.OnsetSamples).ThenBy(e => e.EndSamples).ThenBy(e => e.Label, StringComparer.Ordinal).ToList(),
        stems.Dropped,
        stems.PeakBeforeScaling,
        stems.GainReductionDb,
        stems.Events.Count(e => e.BackgroundSilent));
}
