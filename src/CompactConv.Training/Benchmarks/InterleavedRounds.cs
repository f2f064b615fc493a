namespace CompactConv.Benchmarks;

/// <summary>
/// Times several variants round-robin: every round runs each variant once, so a disturbance (another
/// process, thermal throttling) hits all of them rather than whichever happened to run then, and
/// samples of the same round can be compared with each other (<see cref="Spread.OfRatios"/>).
/// </summary>
/// <remarks>
/// A small hand-written loop rather than BenchmarkDotNet: BenchmarkDotNet runs each benchmark in its
/// own process and batch, one after the other, which is exactly the sequential timing whose drift
/// this removes, and it cannot report progress lines from inside a CLI command or time models that
/// only exist in the calling process after training.
/// </remarks>
public static class InterleavedRounds
{
    /// <summary>
    /// Runs <paramref name="warmupRounds"/> untimed rounds, then <paramref name="rounds"/> timed ones,
    /// and returns the milliseconds of every variant in every timed round: [variant][round]. Round k
    /// (counting warm-ups) starts with variant k mod n and continues in order, so no variant always
    /// runs first or always follows the same neighbour. <paramref name="progress"/> receives (rounds
    /// done, all rounds) after each round; <paramref name="measure"/> times one call (wall-clock
    /// milliseconds unless given).
    /// </summary>
    /// <exception cref="ArgumentException">No variants, fewer than 1 timed round or negative warm-up rounds.</exception>
    public static IReadOnlyList<IReadOnlyList<double>> Time(
        IReadOnlyList<Action> variants, int rounds, int warmupRounds,
        Action<int, int>? progress = null, Func<Action, double>? measure = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0) throw new ArgumentException("nothing to time", nameof(variants));
        if (rounds < 1) throw new ArgumentException($"rounds must be at least 1, got {rounds}", nameof(rounds));
        if (warmupRounds < 0) throw new ArgumentException($"warm-up rounds must be at least 0, got {warmupRounds}", nameof(warmupRounds));
        measure ??= Timing.Milliseconds;
        int count = variants.Count;
        var samples = Enumerable.Range(0, count).Select(_ => new double[rounds]).ToArray();
        int total = warmupRounds + rounds;
        for (int round = 0; round < total; round++)
        {
            for (int step = 0; step < count; step++)
            {
                int variant = (round + step) % count;
                double ms = measure(variants[variant]);
                if (round >= warmupRounds) samples[variant][round - warmupRounds] = ms;
            }
            progress?.Invoke(round + 1, total);
        }
        return samples;
    }
}
