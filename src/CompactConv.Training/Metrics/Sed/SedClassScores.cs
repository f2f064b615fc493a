namespace CompactConv.Metrics.Sed;

/// <summary>
/// Scores of one class, as fractions. A class has no substitutions: a unit of another class is an
/// insertion here and a deletion there, so ER = (Nfn + Nfp) / Nref.
/// </summary>
/// <param name="Label">The class.</param>
/// <param name="FMeasure">F1 of <paramref name="Precision"/> and <paramref name="Recall"/>.</param>
/// <param name="Precision">Ntp / Nsys; NaN when the system output has none of this class.</param>
/// <param name="Recall">Ntp / Nref; NaN when the reference has none of this class.</param>
/// <param name="ErrorRate"><paramref name="DeletionRate"/> + <paramref name="InsertionRate"/>.</param>
/// <param name="DeletionRate">(Nref - Ntp) / Nref.</param>
/// <param name="InsertionRate">(Nsys - Ntp) / Nref.</param>
/// <param name="Reference">Nref of this class.</param>
/// <param name="Estimated">Nsys of this class.</param>
/// <param name="TruePositives">Ntp of this class.</param>
public sealed record SedClassScores(string Label, double FMeasure, double Precision, double Recall, double ErrorRate,
    double DeletionRate, double InsertionRate, long Reference, long Estimated, long TruePositives);
