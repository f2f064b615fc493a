namespace CompactConv.Audio.Synthesis;

/// <summary>Sums the written soundscapes up into <see cref="SynthReport"/>.</summary>
internal static class SynthReportBuilder
{
    public static SynthReport Build(SynthSpec spec, SourceLibrary library, SourcePartition partition, IReadOnlyList<string> warnings, IReadOnlyList<SoundscapeRecord> records)
    {
        var sorted = records.OrderBy(r => r.FileName, StringComparer.Ordinal).ToList();
        var splits = spec.Splits;
        var soundscapes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var scenes = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var perLabel = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var sources = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var split in splits)
        {
            var mine = sorted.Where(r => r.Plan.Split == split).ToList();
            soundscapes[split.Name()] = mine.Count;
            scenes[split.Name()] = Count(mine.Select(r => r.Plan.Scene));
            perLabel[split.Name()] = Count(mine.SelectMany(r => r.Events).Select(e => e.Label));
            sources[split.Name()] = new SortedDictionary<string, int>(StringComparer.Ordinal)
            {
                ["foreground"] = library.Foreground.Keys.Sum(l => partition.Clips(split, SourceRole.Foreground, l).Count),
                ["background"] = library.Background.Keys.Sum(l => partition.Clips(split, SourceRole.Background, l).Count),
            };
        }
        int placed = sorted.Sum(r => r.Events.Count);
        var dropped = sorted.SelectMany(r => r.Dropped.Select(d => new SynthReport.DroppedEntry(r.FileName, d.Label, d.Reason))).ToList();
        var clipped = sorted.Where(r => r.GainReductionDb > 0)
            .Select(r => new SynthReport.ClippedFile(r.FileName, Math.Round(r.PeakBeforeScaling, 4), Math.Round(r.GainReductionDb, 3)))
            .ToList();
        return new SynthReport
        {
            Spec = Path.GetFileName(spec.ErrorPath),
            Seed = spec.Seed,
            SampleRate = spec.SampleRate,
            Duration = spec.Duration,
            Layout = spec.Layout.Name(),
            Soundscapes = soundscapes,
            Scenes = scenes,
            SourceClips = sources,
            Events = new SynthReport.EventTotals(placed + dropped.Count, placed, dropped.Count, perLabel),
            DroppedEvents = dropped,
            Clipping = new SynthReport.ClippingSummary(clipped.Count, clipped.Count == 0 ? 0 : clipped.Max(c => c.GainReductionDb), clipped),
            ShortClipsUsedWhole = Count(sorted.SelectMany(r => r.Events).Where(e => e.ShortClipUsedWhole).Select(e => $"foreground/{e.Clip.RelativePath}")),
            EventsOverSilentBackground = sorted.Sum(r => r.EventsOverSilentBackground),
            Warnings = warnings,
        };
    }

    private static SortedDictionary<string, int> Count(IEnumerable<string> keys)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys) counts[key] = counts.GetValueOrDefault(key) + 1;
        return counts;
    }
}
