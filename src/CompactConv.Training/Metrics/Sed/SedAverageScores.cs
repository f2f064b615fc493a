namespace CompactConv.Metrics.Sed;

/// <summary>
/// Macro averages: the mean of each class-wise score over the classes where it is defined (NaN
/// values are left out, as numpy.nanmean does in sed_eval); NaN when no class defines it.
/// </summary>
/// <param name="FMeasure">Mean class-wise F1 (the DCASE ranking metric, event-based).</param>
/// <param name="Precision">Mean class-wise precision.</param>
/// <param name="Recall">Mean class-wise recall.</param>
/// <param name="ErrorRate">Mean class-wise error rate.</param>
/// <param name="DeletionRate">Mean class-wise deletion rate.</param>
/// <param name="InsertionRate">Mean class-wise insertion rate.</param>
public sealed record SedAverageScores(double FMeasure, double Precision, double Recall, double ErrorRate,
    double DeletionRate, double InsertionRate);
