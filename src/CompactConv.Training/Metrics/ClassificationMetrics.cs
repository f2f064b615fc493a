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

    /// <summary>True class of each sample.</summary>
    public IReadOnlyList<long> Truth { get; }

    /// <summary>Predicted class of each sample.</summary>
    public IReadOnlyList<long> Predicted { get; }

    /// <summary>Number of samples evaluated.</summary>
    public long Count { get; }

    /// <summary>Fraction of samples predicted correctly (0..1); NaN when there are none.</summary>
    public double Accuracy { get; }

    /// <summary>Log-loss (mean cross-entropy of the true class, probabilities clamped at 1e-15), when probabilities were given.</summary>
    public double? Loss { get; init; }

    /// <summary>
    /// Metrics from class probabilities [N, classes]: the prediction is the most probable class and
    /// the log-loss is -mean(log p[true]) with p clamped to [1e-15, 1] as scikit-learn's log_loss does.
    /// </summary>
    public static ClassificationMetrics FromProbabilities(IReadOnlyList<long> truth, float[,] probabilities, IReadOnlyList<string> classNames)
    {
        int n = probabilities.GetLength(0), k = probabilities.GetLength(1);
        if (n != truth.Count) throw new ArgumentException($"{truth.Count} true labels but {n} probability rows");
        if (n > 0 && k != classNames.Count) throw new ArgumentException($"{k} probability columns but {classNames.Count} classes");
        var predicted = new long[n];
        double logLoss = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 1; c < k; c++)
            {
                if (probabilities[i, c] > probabilities[i, best]) best = c;
            }
            predicted[i] = best;
            long t = truth[i];
            if (t >= 0 && t < k) logLoss -= Math.Log(Math.Clamp(probabilities[i, t], 1e-15, 1.0));
        }
        return new ClassificationMetrics(truth, predicted, classNames) { Loss = n == 0 ? double.NaN : logLoss / n };
    }

    /// <summary>Accuracy per group (e.g. recording device), for the samples whose group is known.</summary>
    public static IReadOnlyDictionary<string, double> AccuracyByGroup(IReadOnlyList<long> truth, IReadOnlyList<long> predicted, IReadOnlyList<string?> groups)
    {
        var tally = new SortedDictionary<string, (long Correct, long Total)>(StringComparer.Ordinal);
        for (int i = 0; i < truth.Count; i++)
        {
            if (groups[i] is not { } group) continue;
            tally.TryGetValue(group, out var t);
            tally[group] = (t.Correct + (truth[i] == predicted[i] ? 1 : 0), t.Total + 1);
        }
        return tally.ToDictionary(p => p.Key, p => (double)p.Value.Correct / p.Value.Total, StringComparer.Ordinal);
    }

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
        Truth = truth.ToArray();
        Predicted = predicted.ToArray();
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
