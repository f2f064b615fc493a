namespace CompactConv.Audio.Synthesis;

/// <summary>
/// The leak-free split of the source clips: every label's clips are divided between train and
/// test before any soundscape is made, and each soundscape draws only from its own side.
/// </summary>
public sealed class SourcePartition
{
    private readonly Dictionary<(SynthSplit, SourceRole, string), IReadOnlyList<SourceClip>> groups = [];
    private readonly List<string> warnings = [];

    private SourcePartition()
    {
    }

    /// <summary>Labels whose single clip had to go to train (so test soundscapes cannot use them).</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>
    /// Per label, a seeded shuffle puts round(n * test_fraction) clips (at least one when the fraction
    /// is positive, never all) in test and the rest in train; a label with one clip goes to train.
    /// </summary>
    public static SourcePartition Create(SourceLibrary library, int seed, double testFraction)
    {
        var partition = new SourcePartition();
        partition.Add(SourceRole.Foreground, library.Foreground, seed, testFraction);
        partition.Add(SourceRole.Background, library.Background, seed, testFraction);
        return partition;
    }

    /// <summary>The clips of <paramref name="label"/> on <paramref name="split"/>'s side (possibly none).</summary>
    public IReadOnlyList<SourceClip> Clips(SynthSplit split, SourceRole role, string label) =>
        groups.TryGetValue((split, role, label), out var clips) ? clips : [];

    private void Add(SourceRole role, IReadOnlyDictionary<string, IReadOnlyList<SourceClip>> byLabel, int seed, double testFraction)
    {
        foreach (var (label, clips) in byLabel)
        {
            var shuffled = clips.ToArray();
            SynthRandom.ForPartition(seed, role, label).Shuffle(shuffled);
            int testCount = 0;
            if (testFraction > 0 && clips.Count > 1)
                testCount = Math.Clamp((int)Math.Round(clips.Count * testFraction, MidpointRounding.AwayFromZero), 1, clips.Count - 1);
            else if (testFraction > 0)
                warnings.Add($"{role.ToString().ToLowerInvariant()} label '{label}' has a single clip: it goes to train only");
            // Sorting each side again keeps the draw order independent of the shuffle's internals.
            groups[(SynthSplit.Test, role, label)] = shuffled[..testCount].OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
            groups[(SynthSplit.Train, role, label)] = shuffled[testCount..].OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        }
    }
}
