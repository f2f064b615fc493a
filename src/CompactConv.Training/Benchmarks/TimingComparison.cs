using System.Globalization;

namespace CompactConv.Benchmarks;

/// <summary>One compared variant: the spread of its measurements and of its per-round ratio to the reference.</summary>
/// <param name="Label">Name of the variant.</param>
/// <param name="Value">Spread of its measurements.</param>
/// <param name="Ratio">Spread of its measurement divided by the reference's in the same round (all 1 for the reference itself).</param>
public sealed record ComparedVariant(string Label, Spread Value, Spread Ratio);

/// <summary>Two variants the measurements cannot order: the p10-p90 range of their per-round ratio includes 1.</summary>
/// <param name="Slower">The variant that took longer in most rounds: its per-round ratio to the other has a median of at least 1.</param>
/// <param name="Faster">The other one.</param>
/// <param name="Ratio">Spread of Slower / Faster per round.</param>
public sealed record IndistinctPair(string Slower, string Faster, Spread Ratio);

/// <summary>
/// Variants timed in the same interleaved rounds, compared with each other through per-round ratios.
/// </summary>
/// <remarks>
/// The rule that flags a comparison as not established: two variants are indistinct when the
/// p10-p90 range of their per-round ratio includes 1, i.e. in more than about a tenth of the rounds
/// the order of the two went the other way, so the spread is wider than the difference. It is
/// checked for every variant against the reference, and for each pair of neighbours when the
/// variants are sorted by median (the ranking a reader takes from the table).
/// </remarks>
/// <param name="Reference">Label of the variant every ratio is relative to.</param>
/// <param name="Variants">The variants in the order given.</param>
/// <param name="Indistinct">Pairs the rule flags, reference pairs first, then neighbours from the fastest up.</param>
public sealed record TimingComparison(string Reference, IReadOnlyList<ComparedVariant> Variants, IReadOnlyList<IndistinctPair> Indistinct)
{
    /// <summary>
    /// Compares variants whose <paramref name="samples"/> ([variant][round], as from
    /// <see cref="InterleavedRounds.Time"/>) were taken in the same rounds; ratios are to variant
    /// <paramref name="reference"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Labels and samples differ in count, rounds differ between variants, or the reference is out of range.</exception>
    public static TimingComparison Of(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<double>> samples, int reference)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(samples);
        if (labels.Count != samples.Count) throw new ArgumentException($"{labels.Count} labels for {samples.Count} variants");
        ArgumentOutOfRangeException.ThrowIfNegative(reference);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reference, labels.Count);
        var variants = labels.Select((label, i) => new ComparedVariant(label, Spread.Of(samples[i]), Spread.OfRatios(samples[i], samples[reference]))).ToList();

        var pairs = new List<IndistinctPair>();
        var compared = new HashSet<(int, int)>();
        for (int i = 0; i < variants.Count; i++)
        {
            if (i != reference) Check(i, reference);
        }
        var ranked = Enumerable.Range(0, variants.Count).OrderBy(i => variants[i].Value.Median).ToList();
        for (int k = 1; k < ranked.Count; k++) Check(ranked[k - 1], ranked[k]);
        return new TimingComparison(labels[reference], variants, pairs);

        void Check(int a, int b)
        {
            if (!compared.Add((Math.Min(a, b), Math.Max(a, b)))) return;
            // Oriented by the per-round ratio, not by the two medians, which noise can order the other way.
            var (slower, faster) = (a, b);
            var ratio = Spread.OfRatios(samples[a], samples[b]);
            if (ratio.Median < 1) (slower, faster, ratio) = (b, a, Spread.OfRatios(samples[b], samples[a]));
            if (ratio.Includes(1)) pairs.Add(new IndistinctPair(labels[slower], labels[faster], ratio));
        }
    }

    /// <summary>
    /// One warning line naming every indistinct pair of <paramref name="quantity"/> (e.g. "infer ms"),
    /// or null when every compared pair is ordered beyond its spread.
    /// </summary>
    public string? Warning(string quantity)
    {
        if (Indistinct.Count == 0) return null;
        var pairs = Indistinct.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Slower} vs {p.Faster} (ratio p10-p90 {p.Ratio.P10:F3}-{p.Ratio.P90:F3})"));
        return $"warning: {quantity}: spread wider than the difference, cannot tell apart {string.Join(", ", pairs)}; "
            + "rerun with more rounds or on a quieter machine";
    }
}
