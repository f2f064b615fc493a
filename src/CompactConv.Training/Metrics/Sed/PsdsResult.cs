namespace CompactConv.Metrics.Sed;

/// <summary>One point of a PSD-ROC: an effective false positive rate per hour and a true positive rate.</summary>
/// <param name="Efpr">Effective false positive rate (false positives per hour plus alpha_ct times the mean cross-trigger rate).</param>
/// <param name="Tpr">True positive rate: of one class, or the effective rate of all classes on the summary curve.</param>
public readonly record struct PsdRocPoint(double Efpr, double Tpr);

/// <summary>A Polyphonic Sound Detection Score and the curves it comes from (<see cref="Psds.Score"/>).</summary>
/// <param name="Value">The area under the summary PSD-ROC up to max_efpr, divided by max_efpr: between 0 and 1.</param>
/// <param name="Parameters">The parameters used.</param>
/// <param name="ClassPoints">[c][k]: class c's effective false positive rate and true positive rate at operating point k.</param>
/// <param name="Roc">The summary curve as a staircase: each point's effective true positive rate (mean over the classes
/// minus alpha_st times their standard deviation, at least 0) holds from its rate to the next point's.</param>
public sealed record PsdsResult(double Value, PsdsParameters Parameters, IReadOnlyList<IReadOnlyList<PsdRocPoint>> ClassPoints,
    IReadOnlyList<PsdRocPoint> Roc);
