namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Checks a spec's values against each other (ranges, fractions, labels), for specs read from JSON
/// and specs built in code alike. Folders and clips are checked later, when they are scanned.
/// </summary>
public static class SynthSpecValidator
{
    /// <summary>Throws <see cref="DataException"/> naming the spec file for the first problem found.</summary>
    public static void Validate(SynthSpec spec)
    {
        Func<FormattableString, DataException> fail = problem => new DataException(spec.ErrorPath, FormattableString.Invariant(problem));
        if (!(spec.Duration > 0)) throw fail($"'duration' must be positive, not {spec.Duration}");
        if (spec.SampleRate < 1) throw fail($"'sample_rate' must be positive, not {spec.SampleRate}");
        if (spec.Count is < 1 or > SynthSpec.MaxCount) throw fail($"'count' must be from 1 to {SynthSpec.MaxCount}, not {spec.Count}");
        double samples = spec.Duration * spec.SampleRate;
        if (samples < 1 || samples > int.MaxValue / 4)
            throw fail($"'duration' {spec.Duration} s at {spec.SampleRate} Hz gives an unusable soundscape length");
        if (spec.MaxPolyphony is < 1) throw fail($"'max_polyphony' must be at least 1, not {spec.MaxPolyphony}");
        if (spec.BackgroundLevelDb is double level && !(level <= 0)) throw fail($"'background_level_db' must be at most 0 dBFS, not {level}");
        if (!double.IsFinite(spec.BackgroundGainDb)) throw fail($"'background_gain_db' must be finite");
        if (!(spec.FadeSeconds >= 0)) throw fail($"'fade_seconds' must not be negative, not {spec.FadeSeconds}");
        if (!(spec.TestFraction >= 0 && spec.TestFraction < 1)) throw fail($"'split.test_fraction' must be in [0, 1), not {spec.TestFraction}");
        if (!(spec.ValidateFraction >= 0 && spec.ValidateFraction < 1)) throw fail($"'split.validate_fraction' must be in [0, 1), not {spec.ValidateFraction}");
        if (!(spec.TestFraction + spec.ValidateFraction < 1))
            throw fail($"'split.test_fraction' + 'split.validate_fraction' must be below 1 so that train keeps soundscapes, not {spec.TestFraction + spec.ValidateFraction}");
        if (!Enum.IsDefined(spec.Layout)) throw fail($"unknown layout {spec.Layout}");
        if (spec.Scenes.Count == 0) throw fail($"no scenes");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scene in spec.Scenes)
        {
            string where = $"scene '{scene.Label}'";
            CheckName(scene.Label, "scene label", fail);
            if (!seen.Add(scene.Label)) throw fail($"scene label '{scene.Label}' appears twice");
            if (!(scene.Weight > 0)) throw fail($"{where}: 'weight' must be positive, not {scene.Weight}");
            if (scene.Backgrounds.Count == 0) throw fail($"{where}: 'backgrounds' is empty");
            foreach (var label in scene.Backgrounds) CheckName(label, $"{where}: background label", fail);
            ValidateEvents(scene.Events, spec, where, fail);
        }
    }

    private static void ValidateEvents(EventDistribution events, SynthSpec spec, string where, Func<FormattableString, DataException> fail)
    {
        if (events.Labels.Count == 0) throw fail($"{where}: 'events.labels' is empty");
        foreach (var label in events.Labels) CheckName(label, $"{where}: event label", fail);
        if (events.Labels.Distinct(StringComparer.Ordinal).Count() != events.Labels.Count) throw fail($"{where}: 'events.labels' lists a label twice");
        if (events.LabelWeights is { } weights)
        {
            if (weights.Count != events.Labels.Count)
                throw fail($"{where}: 'events.label_weights' has {weights.Count} values for {events.Labels.Count} labels");
            if (weights.Any(w => !(w >= 0)) || !(weights.Sum() > 0))
                throw fail($"{where}: 'events.label_weights' must be non-negative with a positive sum");
        }
        if (events.Count.Min < 0) throw fail($"{where}: 'events.count.min' must not be negative, not {events.Count.Min}");
        if (events.Count.Min > events.Count.Max) throw fail($"{where}: 'events.count' min {events.Count.Min} > max {events.Count.Max}");
        if (events.Count.Max > SynthSpec.MaxEventsPerSoundscape)
            throw fail($"{where}: 'events.count.max' must be at most {SynthSpec.MaxEventsPerSoundscape}, not {events.Count.Max}");
        CheckRange(events.SnrDb, $"{where}: 'events.snr_db'", fail);
        CheckRange(events.Duration, $"{where}: 'events.duration'", fail);
        if (!(events.Duration.Min > 0)) throw fail($"{where}: 'events.duration.min' must be positive, not {events.Duration.Min}");
        if (events.Duration.Min > spec.Duration)
            throw fail($"{where}: 'events.duration.min' {events.Duration.Min} s is longer than the soundscape ({spec.Duration} s)");
        if (events.Onset is { } onset)
        {
            CheckRange(onset, $"{where}: 'events.onset'", fail);
            if (onset.Min < 0 || onset.Min >= spec.Duration)
                throw fail($"{where}: 'events.onset.min' must lie in [0, {spec.Duration}), not {onset.Min}");
        }
    }

    private static void CheckRange(ValueRange range, string what, Func<FormattableString, DataException> fail)
    {
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max)) throw fail($"{what} must be finite");
        if (range.Min > range.Max) throw fail($"{what} min {range.Min} > max {range.Max}");
    }

    // Labels become folder and file names and TSV fields: nothing that would change a path or a column.
    private static void CheckName(string name, string what, Func<FormattableString, DataException> fail)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.IndexOfAny(['/', '\\', '\t', '\n', '\r']) >= 0)
            throw fail($"{what} '{name}' is not usable as a folder or file name");
    }
}
