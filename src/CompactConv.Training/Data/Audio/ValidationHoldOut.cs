namespace CompactConv.Data.Audio;

/// <summary>
/// Moves a seeded fraction of the training examples to validation, whole sources at a time: clips
/// cut from one recording are near-duplicates, and splitting them would overstate validation accuracy.
/// </summary>
internal static class ValidationHoldOut
{
    /// <summary>Divides <paramref name="train"/>; both parts keep the input order.</summary>
    public static (List<AudioExample> Train, List<AudioExample> Validation) Split(
        IReadOnlyList<AudioExample> train, double fraction, int seed)
    {
        var groups = train
            .GroupBy(GroupKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var classSizes = train.CountBy(e => e.Label).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var remaining = new Dictionary<string, int>(classSizes, StringComparer.Ordinal);
        var heldOut = new HashSet<string>(StringComparer.Ordinal);

        // Per class, so every class loses about the same share; a source goes with its first clip's class.
        foreach (var byClass in groups.GroupBy(g => g.First().Label, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            double target = fraction * classSizes[byClass.Key];
            int taken = 0;
            foreach (var group in SeededShuffle.Shuffle(byClass, SeededShuffle.For(seed, byClass.Key)))
            {
                // Take a source only if that brings the count closer to the target.
                if (taken + group.Count() / 2.0 >= target)
                    continue;
                var labelCounts = group.CountBy(e => e.Label).ToList();
                if (labelCounts.Any(p => remaining[p.Key] <= p.Value))
                    continue; // the class would have no training example left
                foreach (var (label, count) in labelCounts)
                    remaining[label] -= count;
                taken += group.Count();
                heldOut.Add(group.Key);
            }
        }

        var keep = new List<AudioExample>();
        var validation = new List<AudioExample>();
        foreach (var example in train)
            (heldOut.Contains(GroupKey(example)) ? validation : keep).Add(example);
        return (keep, validation);
    }

    // An example without a source is a source of its own.
    private static string GroupKey(AudioExample example) =>
        example.Source is null ? "file:" + example.Path : "source:" + example.Source;
}
