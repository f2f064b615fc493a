namespace CompactConv.Training;

/// <summary>
/// Every seed a training run derives from its run seed. Each is a pure function of (seed, epoch, step),
/// never state carried between steps, which is what lets a run stopped anywhere resume exactly, in
/// this process or another one.
/// </summary>
public static class Seeds
{
    /// <summary>The torch seed of epoch <paramref name="epoch"/> of a run seeded with <paramref name="seed"/>, the base of <see cref="Step"/>.</summary>
    public static long Epoch(int seed, int epoch) => seed * 1_000_003L + epoch;

    /// <summary>The torch seed set before step <paramref name="step"/> (0-based) of an epoch: distinct for every step below a million.</summary>
    public static long Step(int seed, int epoch, long step) => unchecked(Epoch(seed, epoch) * 1_000_003L + step);

    /// <summary>
    /// A seed derived from (seed, epoch, salt) that is the same in every process: HashCode.Combine
    /// is randomised per process and would make a run resumed in a new process diverge.
    /// </summary>
    public static int Stable(int seed, int epoch, int salt) =>
        unchecked((int)((uint)seed * 2654435761u ^ (uint)epoch * 40503u ^ (uint)salt * 2246822519u));

    /// <summary>A seeded permutation of 0..count-1 for one epoch (Fisher-Yates with System.Random).</summary>
    public static long[] Shuffle(long count, int seed, int epoch)
    {
        var random = new Random(Stable(seed, epoch, salt: 0x5eed));
        var order = new long[count];
        for (long i = 0; i < count; i++) order[i] = i;
        for (long i = count - 1; i > 0; i--)
        {
            long j = random.NextInt64(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
