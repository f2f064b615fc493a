using System.Globalization;

namespace CompactConv.Benchmarks;

/// <summary>
/// The distribution of repeated measurements of one quantity: count, extremes, median and the
/// 10th-90th percentile range. Percentiles interpolate linearly between the sorted samples, as
/// numpy's default (<c>method="linear"</c>): the p-quantile of n sorted values x[0..n-1] is at
/// position h = (n - 1) p, that is x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋ + 1] - x[⌊h⌋]); the median is the
/// 0.5-quantile (the mean of the middle two for an even count).
/// </summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Min">Smallest sample.</param>
/// <param name="P10">10th percentile.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="Max">Largest sample.</param>
public sealed record Spread(int Count, double Min, double P10, double Median, double P90, double Max)
{
    /// <summary>The spread of <paramref name="samples"/>.</summary>
    /// <exception cref="ArgumentException">No samples, or a NaN among them.</exception>
    public static Spread Of(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("spread of no samples", nameof(samples));
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("a sample is NaN", nameof(samples));
        Array.Sort(sorted);
        return new Spread(sorted.Length, sorted[0], Percentile(sorted, 0.1), Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted[^1]);
    }

    /// <summary>
    /// The spread of the per-round ratios <paramref name="numerators"/>[i] / <paramref name="denominators"/>[i].
    /// Two variants timed in the same interleaved round share that moment's machine state, so their
    /// ratio cancels slow drift (another process starting, the CPU clocking down) that widens the
    /// spread of each figure on its own.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a denominator is not positive.</exception>
    public static Spread OfRatios(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        if (numerators.Count != denominators.Count)
            throw new ArgumentException($"ratios need one denominator per numerator, got {numerators.Count} and {denominators.Count}");
        if (denominators.Any(d => !(d > 0))) throw new ArgumentException("a denominator is not positive", nameof(denominators));
        return Of(numerators.Select((n, i) => n / denominators[i]));
    }

    /// <summary>The <paramref name="fraction"/>-quantile (0 to 1) of ascending <paramref name="sorted"/>, linearly interpolated.</summary>
    /// <exception cref="ArgumentException">No values, or a fraction outside 0 to 1.</exception>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("percentile of no values", nameof(sorted));
        if (!(fraction is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be 0 to 1");
        double position = (sorted.Count - 1) * fraction;
        int below = (int)Math.Floor(position);
        if (below == sorted.Count - 1) return sorted[below];
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>True when <paramref name="value"/> lies within P10 to P90, ends included.</summary>
    public bool Includes(double value) => P10 <= value && value <= P90;

    /// <summary>The median and the p10-p90 range with <paramref name="digits"/> decimals: <c>12.34 [11.90-13.10]</c>.</summary>
    public string Format(int digits)
    {
        string format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        return $"{F(Median)} [{F(P10)}-{F(P90)}]";

        string F(double value) => value.ToString(format, CultureInfo.InvariantCulture);
    }
}
