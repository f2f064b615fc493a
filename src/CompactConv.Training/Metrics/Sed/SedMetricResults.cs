namespace CompactConv.Metrics.Sed;

/// <summary>One block of sound event detection results (segment-based or event-based), as sed_eval's results().</summary>
/// <param name="Overall">Micro-averaged scores.</param>
/// <param name="ClassWise">Scores of every class, in the order of the label list.</param>
/// <param name="ClassWiseAverage">Macro averages of <paramref name="ClassWise"/>.</param>
/// <param name="FilesEvaluated">Number of files that went into the totals.</param>
public sealed record SedMetricResults(SedOverallScores Overall, IReadOnlyList<SedClassScores> ClassWise,
    SedAverageScores ClassWiseAverage, int FilesEvaluated)
{
    /// <summary>The scores of <paramref name="label"/>.</summary>
    /// <exception cref="KeyNotFoundException">The label is not in the list evaluated.</exception>
    public SedClassScores ForClass(string label) =>
        ClassWise.FirstOrDefault(c => c.Label == label) ?? throw new KeyNotFoundException($"no class '{label}' in these results");
}
