namespace CompactConv.Metrics;

/// <summary>
/// Accuracy, per-class accuracy (recall) and the confusion matrix of a classifier, computed from
/// true and predicted class indices. Rows of <see cref="Confusion"/> are true classes, columns predictions.
/// </summary>
public sealed class ClassificationMetrics
{
    /// <summary>Class names, index-aligned with the matrix.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Confusion[true, predicted] counts.</summary>
    public long[,] Confusion { get; }

    /// <summary>Number of samples evaluated.</summary>
    public long Count { get; }

    /// <summary>Fraction of samples predicted correctly (0..1); NaN when there are none.</summary>
    public double Accuracy { get; }

    /// <summary>Mean cross-entropy loss over the samples, when the caller measured it.</summary>
    public double? Loss { get; init; }

    /// <summary>Correct / total for each true class; NaN for a class with no samples.</summary>
    public IReadOnlyList<double> PerClassAccuracy { get; }

    /// <summary>Mean of the per-class accuracies over classes that have samples.</summary>
    public double MacroAccuracy { get; }

    /// <summary>Tallies <paramref name="truth"/> against <paramref name="predicted"/>; throws on length mismatch or out-of-range labels.</summary>
    public ClassificationMetrics(IReadOnlyList<long> truth, IReadOnlyList<long> predicted, IReadOnlyList<string> classNames)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions");
        }
        int k = classNames.Count;
        ClassNames = classNames;
        Confusion = new long[k, k];
        long correct = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            long t = truth[i], p = predicted[i];
            if (t < 0 || t >= k) throw new ArgumentException($"true label {t} at index {i} is outside 0..{k - 1}");
            if (p < 0 || p >= k) throw new ArgumentException($"predicted label {p} at index {i} is outside 0..{k - 1}");
            Confusion[t, p]++;
            if (t == p) correct++;
        }
        Count = truth.Count;
        Accuracy = Count == 0 ? double.NaN : (double)correct / Count;
        var perClass = new double[k];
        double macroSum = 0;
        int present = 0;
        for (int c = 0; c < k; c++)
        {
            long row = 0;
            for (int p = 0; p < k; p++) row += Confusion[c, p];
            perClass[c] = row == 0 ? double.NaN : (double)Confusion[c, c] / row;
            if (row > 0)
            {
                macroSum += perClass[c];
                present++;
            }
        }
        PerClassAccuracy = perClass;
        MacroAccuracy = present == 0 ? double.NaN : macroSum / present;
    }

    /// <summary>The confusion matrix as jagged rows (for JSON).</summary>
    public long[][] ConfusionRows()
    {
        int k = ClassNames.Count;
        var rows = new long[k][];
        for (int t = 0; t < k; t++)
        {
            rows[t] = new long[k];
            for (int p = 0; p < k; p++) rows[t][p] = Confusion[t, p];
        }
        return rows;
    }
}
