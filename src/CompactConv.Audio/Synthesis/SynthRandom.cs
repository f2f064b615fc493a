namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Derives independent random streams from the spec's seed. Each soundscape gets its own stream
/// from (seed, split, index), so soundscapes can be generated in any order or in parallel and
/// adding soundscapes never changes the ones before.
/// </summary>
internal static class SynthRandom
{
    /// <summary>Stream of the source-clip partition of one label.</summary>
    public static Random ForPartition(int seed, SourceRole role, string label) =>
        new(Mix(seed, 16 + (int)role, StableHash(label)));

    /// <summary>Stream of one soundscape.</summary>
    public static Random ForSoundscape(int seed, SynthSplit split, int index) =>
        new(Mix(seed, 1 + (int)split, index));

    // System.Random(int) is deterministic across runs and .NET versions; only the seed needs mixing
    // so that neighbouring (seed, index) pairs do not give related sequences.
    private static int Mix(int seed, int stream, int index)
    {
        ulong x = Finalise((uint)seed);
        x = Finalise(x ^ (uint)stream);
        x = Finalise(x ^ (uint)index);
        return (int)(x & int.MaxValue);
    }

    // SplitMix64's output function: a bijection that spreads every input bit over the result.
    private static ulong Finalise(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    // string.GetHashCode is randomised per process; FNV-1a over UTF-16 code units is not.
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return (int)hash;
    }
}
