namespace CompactConv.Data;

/// <summary>Seeded, class-balanced sample selection for quick runs on part of a dataset.</summary>
public static class BalancedSubset
{
    /// <summary>
    /// Indices of at most <paramref name="limit"/> samples, taking classes in turn from a seeded
    /// shuffle so every class is represented equally (as far as it has samples); returned in ascending order.
    /// </summary>
    public static int[] Indices(IReadOnlyList<long> labels, int limit, int seed)
    {
        if (limit < 1) throw new ArgumentException($"subset size must be at least 1, got {limit}");
        if (limit >= labels.Count) return Enumerable.Range(0, labels.Count).ToArray();
        var random = new Random(seed);
        var byClass = labels.Select((label, index) => (label, index))
            .GroupBy(p => p.label)
            .OrderBy(g => g.Key)
            .Select(g => new Queue<int>(g.Select(p => p.index).OrderBy(_ => random.Next())))
            .ToList();
        var chosen = new List<int>(limit);
        while (chosen.Count < limit)
        {
            foreach (var queue in byClass)
            {
                if (queue.Count > 0 && chosen.Count < limit) chosen.Add(queue.Dequeue());
            }
        }
        chosen.Sort();
        return chosen.ToArray();
    }
}
