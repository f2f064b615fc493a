namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Keeps recently used decoded clips in memory up to a sample budget (least recently used out
/// first): soundscapes reuse the same clips many times, but long ambiences do not all fit in memory.
/// </summary>
internal sealed class ClipCache(Func<string, int, float[]> load, int sampleRate, long budgetSamples)
{
    private readonly Dictionary<string, LinkedListNode<(string Path, float[] Samples)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Path, float[] Samples)> recency = new();
    private readonly Lock gate = new();
    private long heldSamples;

    /// <summary>The clip's mono samples at the spec's rate; an empty clip throws <see cref="DataException"/>.</summary>
    public float[] Get(string path)
    {
        lock (gate)
        {
            if (entries.TryGetValue(path, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return node.Value.Samples;
            }
        }
        // Decoding outside the lock lets threads read different files at once; a clip decoded twice
        // by a race costs time only.
        var samples = load(path, sampleRate);
        if (samples.Length == 0) throw new DataException(path, "no audio samples");
        lock (gate)
        {
            if (!entries.ContainsKey(path))
            {
                entries[path] = recency.AddFirst((path, samples));
                heldSamples += samples.Length;
                while (heldSamples > budgetSamples && recency.Count > 1)
                {
                    var last = recency.Last!;
                    recency.RemoveLast();
                    entries.Remove(last.Value.Path);
                    heldSamples -= last.Value.Samples.Length;
                }
            }
        }
        return samples;
    }
}
