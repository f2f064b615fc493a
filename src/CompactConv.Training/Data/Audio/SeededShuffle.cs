namespace CompactConv.Data.Audio;

/// <summary>Reproducible random orderings for splitting datasets.</summary>
internal static class SeededShuffle
{
    /// <summary>
    /// A seed for one named part of a split (a class), so that adding or removing another class
    /// leaves this one's split unchanged. string.GetHashCode is randomised per process, hence FNV-1a.
    /// </summary>
    public static int For(int seed, string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return unchecked((int)hash ^ seed);
    }

    /// <summary>The items in an order drawn from <paramref name="seed"/> (Fisher-Yates).</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, int seed)
    {
        var list = items.ToList();
        var random = new Random(seed);
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
