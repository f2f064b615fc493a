using CompactConv.Data.Audio;

namespace CompactConv.Data;

/// <summary>
/// The seeded, per-class test split that the audio and image folder layouts share: each class puts
/// its own rounded share of files into the test split, drawn from a seed of its own.
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

    /// <summary>Rounded share of the class, but a class of two or more always has a file on each side.</summary>
    public static int TestCount(int files, double fraction)
    {
        if (fraction <= 0 || files < 2)
            return 0;
        int count = (int)Math.Round(files * fraction, MidpointRounding.AwayFromZero);
        return Math.Clamp(count, 1, files - 1);
    }
}
