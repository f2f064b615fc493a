namespace CompactConv.Audio.Synthesis;

/// <summary>
/// The leak-free split of the source clips: every label's clips are divided between train,
/// validate and test before any soundscape is made, and each soundscape draws only from its own side.
/// </summary>
public sealed class SourcePartition
{
    private readonly Dictionary<(SynthSplit, SourceRole, string), IReadOnlyList<SourceClip>> groups = [];
    private readonly List<string> warnings = [];

    private SourcePartition()
    {
    }

    /// <summary>Labels with too few clips to give each split that asks for clips at least one.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>
    /// Per label, a seeded shuffle puts round(n * test_fraction) clips in test, the next
    /// round(n * validate_fraction) in validate and the rest in train. A positive fraction gets at
    /// least one clip and train always keeps one, so a label with few clips gives up validate first,
    /// then test (a warning says so).
    /// </summary>
    public static SourcePartition Create(SourceLibrary library, int seed, double testFraction, double validateFraction = 0)
    {
        var partition = new SourcePartition();
        partition.Add(SourceRole.Foreground, library.Foreground, seed, testFraction, validateFraction);
        partition.Add(SourceRole.Background, library.Background, seed, testFraction, validateFraction);
        return partition;
    }

    /// <summary>The clips of <paramref name="label"/> on <paramref name="split"/>'s side (possibly none).</summary>
    public IReadOnlyList<SourceClip> Clips(SynthSplit split, SourceRole role, string label) =>
        groups.TryGetValue((split, role, label), out var clips) ? clips : [];

    private void Add(SourceRole role, IReadOnlyDictionary<string, IReadOnlyList<SourceClip>> byLabel, int seed, double testFraction, double validateFraction)
    {
        string kind = role.ToString().ToLowerInvariant();
        foreach (var (label, clips) in byLabel)
        {
            var shuffled = clips.ToArray();
            SynthRandom.ForPartition(seed, role, label).Shuffle(shuffled);
            int test = Share(clips.Count, testFraction), validate = Share(clips.Count, validateFraction);
            while (test + validate > clips.Count - 1)
            {
                if (validate > 0) validate--;
                else test--;
            }
            if (clips.Count == 1 && testFraction + validateFraction > 0)
                warnings.Add($"{kind} label '{label}' has a single clip: it goes to train only");
            else if (validateFraction > 0 && validate == 0)
                warnings.Add($"{kind} label '{label}' has {clips.Count} clips: none is left for validate");
            // Test is taken first so that adding a validate split keeps the test clips of a spec without one.
            // Sorting each side again keeps the draw order independent of the shuffle's internals.
            groups[(SynthSplit.Test, role, label)] = Sorted(shuffled[..test]);
            groups[(SynthSplit.Validate, role, label)] = Sorted(shuffled[test..(test + validate)]);
            groups[(SynthSplit.Train, role, label)] = Sorted(shuffled[(test + validate)..]);
        }
    }

    private static int Share(int count, double fraction) =>
        fraction > 0 ? Math.Max(1, (int)Math.Round(count * fraction, MidpointRounding.AwayFromZero)) : 0;

    private static List<SourceClip> Sorted(SourceClip[] clips) => clips.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
}
