namespace CompactConv.Audio.Synthesis;

/// <summary>Draws every random choice of a soundscape: scene, background segment and events with their placement.</summary>
internal sealed class SoundscapePlanner(SynthSpec spec, SourcePartition partition, ClipCache cache, IReadOnlyDictionary<SynthSplit, SceneChoices> choicesBySplit)
{
    /// <summary>Tries per event before it is dropped when overlap or polyphony rules reject its placement.</summary>
    public const int PlacementTries = 20;

    /// <summary>Plans soundscape <paramref name="index"/> of <paramref name="split"/> from its own random stream.</summary>
    public SoundscapePlan Plan(SynthSplit split, int index)
    {
        var rng = SynthRandom.ForSoundscape(spec.Seed, split, index);
        var choices = choicesBySplit[split];
        var choice = choices.Scenes[PickWeighted(rng, choices.Scenes.Select(s => s.Scene.Weight).ToList())];
        int length = spec.LengthSamples;
        var background = DrawBackground(rng, split, choice, length);

        var placed = new List<PlacedEvent>();
        var dropped = new List<DroppedEvent>();
        var range = choice.Scene.Events.Count;
        int wanted = choice.Labels.Count == 0 ? 0 : rng.Next(range.Min, range.Max + 1);
        bool constrained = spec.Overlap == OverlapPolicy.Forbid || spec.MaxPolyphony is not null;
        for (int k = 0; k < wanted; k++)
        {
            PlacedEvent candidate = null!;
            string? conflict = null;
            for (int attempt = 0; attempt < (constrained ? PlacementTries : 1); attempt++)
            {
                candidate = DrawEvent(rng, split, choice, length);
                conflict = Conflict(candidate, placed);
                if (conflict is null) break;
            }
            if (conflict is null) placed.Add(candidate);
            else dropped.Add(new DroppedEvent(candidate.Label, conflict));
        }
        return new SoundscapePlan
        {
            Name = $"{choice.Scene.Label}-{split.Name()}-{index:D4}",
            Scene = choice.Scene.Label,
            Split = split,
            Index = index,
            LengthSamples = length,
            Background = background,
            Events = placed,
            Dropped = dropped,
        };
    }

    private BackgroundUse DrawBackground(Random rng, SynthSplit split, SceneChoices.Choice choice, int length)
    {
        string label = choice.Backgrounds[rng.Next(choice.Backgrounds.Count)];
        var clips = partition.Clips(split, SourceRole.Background, label);
        var clip = clips[rng.Next(clips.Count)];
        int clipLength = cache.Get(clip.Path).Length;
        // A recording shorter than the soundscape loops, so any start point is as good as another.
        int offset = clipLength >= length ? rng.Next(0, clipLength - length + 1) : rng.Next(0, clipLength);
        return new BackgroundUse(clip, offset, clipLength);
    }

    private PlacedEvent DrawEvent(Random rng, SynthSplit split, SceneChoices.Choice choice, int length)
    {
        var events = choice.Scene.Events;
        string label = choice.Labels[PickWeighted(rng, choice.LabelWeights)];
        var clips = partition.Clips(split, SourceRole.Foreground, label);
        var clip = clips[rng.Next(clips.Count)];
        int clipLength = cache.Get(clip.Path).Length;
        int rate = spec.SampleRate;
        int drawn = Math.Max(1, (int)Math.Round(Uniform(rng, events.Duration) * rate));
        bool shortClip = clipLength < (int)Math.Round(events.Duration.Min * rate);
        int eventLength = Math.Min(Math.Min(drawn, clipLength), length);
        int sourceOffset = rng.Next(0, clipLength - eventLength + 1);
        int latest = length - eventLength;
        int onset;
        if (events.Onset is { } window)
        {
            int low = (int)Math.Round(window.Min * rate);
            int high = Math.Max(low, (int)Math.Round(window.Max * rate));
            // Onsets past the last one that fits move earlier, so the event always ends inside the soundscape.
            onset = Math.Min(rng.Next(low, high + 1), latest);
        }
        else
        {
            onset = rng.Next(0, latest + 1);
        }
        return new PlacedEvent
        {
            Label = label,
            Clip = clip,
            SourceOffsetSamples = sourceOffset,
            OnsetSamples = onset,
            LengthSamples = eventLength,
            SnrDb = Uniform(rng, events.SnrDb),
            SampleRate = rate,
            ShortClipUsedWhole = shortClip,
        };
    }

    private string? Conflict(PlacedEvent candidate, List<PlacedEvent> placed)
    {
        var overlapping = placed.Where(e => e.OnsetSamples < candidate.EndSamples && candidate.OnsetSamples < e.EndSamples).ToList();
        if (spec.Overlap == OverlapPolicy.Forbid && overlapping.Count > 0)
            return $"overlap forbidden and no free room in {PlacementTries} tries";
        if (spec.MaxPolyphony is int limit && MaxConcurrent(overlapping, candidate) + 1 > limit)
            return $"max_polyphony {limit} reached in each of {PlacementTries} tries";
        return null;
    }

    // The most placed events sounding at one instant inside the candidate's interval.
    private static int MaxConcurrent(List<PlacedEvent> overlapping, PlacedEvent candidate)
    {
        var edges = new List<(int Time, int Step)>();
        foreach (var e in overlapping)
        {
            edges.Add((Math.Max(e.OnsetSamples, candidate.OnsetSamples), +1));
            edges.Add((Math.Min(e.EndSamples, candidate.EndSamples), -1));
        }
        // Ends sort before starts at the same instant: touching events do not overlap.
        edges.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Step.CompareTo(b.Step));
        int active = 0, most = 0;
        foreach (var (_, step) in edges)
        {
            active += step;
            most = Math.Max(most, active);
        }
        return most;
    }

    private static double Uniform(Random rng, ValueRange range) => range.Min + rng.NextDouble() * (range.Max - range.Min);

    private static int PickWeighted(Random rng, IReadOnlyList<double> weights)
    {
        double total = weights.Sum();
        double target = rng.NextDouble() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }
        return weights.Count - 1;
    }
}
