namespace CompactConv.Metrics.Sed;

/// <summary>
/// sed_eval's score formulas (sed_eval.metric), with its edge cases: precision and recall are NaN on
/// an empty denominator, F1 is 0 when both are 0, and the rates divide by Nref + eps, so a class
/// absent from the reference gets a rate of 0 without output and a huge one with insertions.
/// </summary>
internal static class SedScoring
{
    // numpy.spacing(1), the eps sed_eval adds to Nref; it changes the last bit of a rate when Nref = 1.
    private const double Eps = 2.220446049250313e-16;

    public static double Precision(long truePositives, long estimated, bool zeroForEmpty) =>
        estimated == 0 ? (zeroForEmpty ? 0.0 : double.NaN) : truePositives / (double)estimated;

    public static double Recall(long truePositives, long reference) => reference == 0 ? double.NaN : truePositives / (double)reference;

    public static double FMeasure(double precision, double recall) =>
        precision == 0 && recall == 0 ? 0.0 : 2.0 * precision * recall / (precision + recall);

    public static double Rate(long count, long reference) => count / (reference + Eps);

    public static SedOverallScores Overall(SedCounts counts, bool zeroForEmpty)
    {
        double precision = Precision(counts.TruePositives, counts.Estimated, zeroForEmpty);
        double recall = Recall(counts.TruePositives, counts.Reference);
        double substitutions = Rate(counts.Substitutions, counts.Reference);
        double deletions = Rate(counts.Deletions, counts.Reference);
        double insertions = Rate(counts.Insertions, counts.Reference);
        return new SedOverallScores(FMeasure(precision, recall), precision, recall, substitutions + deletions + insertions,
            substitutions, deletions, insertions, counts);
    }

    public static SedClassScores Class(string label, long truePositives, long reference, long estimated, bool zeroForEmpty)
    {
        double precision = Precision(truePositives, estimated, zeroForEmpty);
        double recall = Recall(truePositives, reference);
        double deletions = Rate(reference - truePositives, reference);
        double insertions = Rate(estimated - truePositives, reference);
        return new SedClassScores(label, FMeasure(precision, recall), precision, recall, deletions + insertions,
            deletions, insertions, reference, estimated, truePositives);
    }

    public static SedAverageScores Average(IReadOnlyList<SedClassScores> classes) => new(
        NanMean(classes.Select(c => c.FMeasure)), NanMean(classes.Select(c => c.Precision)), NanMean(classes.Select(c => c.Recall)),
        NanMean(classes.Select(c => c.ErrorRate)), NanMean(classes.Select(c => c.DeletionRate)), NanMean(classes.Select(c => c.InsertionRate)));

    private static double NanMean(IEnumerable<double> values)
    {
        double sum = 0;
        int count = 0;
        foreach (double value in values)
        {
            if (double.IsNaN(value)) continue;
            sum += value;
            count++;
        }
        return count == 0 ? double.NaN : sum / count;
    }
}
