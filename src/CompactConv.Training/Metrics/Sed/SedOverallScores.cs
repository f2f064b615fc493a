namespace CompactConv.Metrics.Sed;

/// <summary>
/// Micro-averaged scores over all classes and files, as fractions. Precision and recall are NaN when
/// their denominator is zero, as in sed_eval.
/// </summary>
/// <param name="FMeasure">F1 of <paramref name="Precision"/> and <paramref name="Recall"/>.</param>
/// <param name="Precision">Ntp / Nsys.</param>
/// <param name="Recall">Ntp / Nref.</param>
/// <param name="ErrorRate">(S + D + I) / Nref.</param>
/// <param name="SubstitutionRate">S / Nref.</param>
/// <param name="DeletionRate">D / Nref.</param>
/// <param name="InsertionRate">I / Nref.</param>
/// <param name="Counts">The totals the scores come from.</param>
public sealed record SedOverallScores(double FMeasure, double Precision, double Recall, double ErrorRate,
    double SubstitutionRate, double DeletionRate, double InsertionRate, SedCounts Counts);
