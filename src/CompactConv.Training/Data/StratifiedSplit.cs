using CompactConv.Data.Audio;

namespace CompactConv.Data;

/// <summary>
/// The seeded, per-class splits the dataset layouts share: each class puts its own rounded share of
/// members on the held-out side (the test split of a folder layout, the validation split held out of
/// a training split), drawn from a seed of its own.
/// </summary>
internal static class StratifiedSplit
{
    /// <summary>
    /// The members of <paramref name="names"/> (the files of class <paramref name="label"/>) that go
    /// to the test split. Seeding per class keeps a class's split unchanged when other classes are
    /// added or removed.
    /// </summary>
    public static HashSet<string> TestMembers(IReadOnlyList<string> names, string label, int seed, double fraction)
    {
        int count = TestCount(names.Count, fraction);
        return SeededShuffle.Shuffle(names, SeededShuffle.For(seed, label)).Take(count).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Indices into <paramref name="labels"/> of the examples held out, <paramref name="fraction"/> of
    /// each class (rounded, but a class of two or more keeps one on each side), in ascending order.
    /// </summary>
    public static int[] HeldOutIndices(IReadOnlyList<long> labels, double fraction, int seed)
    {
        var heldOut = new List<int>();
        var byClass = Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key);
        foreach (var members in byClass)
        {
            var list = members.ToList();
            int count = TestCount(list.Count, fraction);
            // The salt keeps these draws apart from a folder layout's test split of the same seed.
            heldOut.AddRange(SeededShuffle.Shuffle(list, SeededShuffle.For(seed, "validation:" + members.Key)).Take(count));
        }
        heldOut.Sort();
        return heldOut.ToArray();
    }

    /// <summary>Rounded share of the class, but a class of two or more always has a file on each side.</summary>
    public static int TestCount(int files, double fraction)
    {
        if (fraction <= 0 || files < 2)
            return 0;
        int count = (int)Math.Round(files * fraction, MidpointRounding.AwayFromZero);
        return Math.Clamp(count, 1, files - 1);
    }
}
