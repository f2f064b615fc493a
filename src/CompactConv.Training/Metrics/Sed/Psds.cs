using CompactConv.Data.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// The Polyphonic Sound Detection Score (C. Bilen, G. Ferroni, F. Tuveri, J. Azcarreta, S. Krstulovic,
/// "A Framework for the Robust Evaluation of Sound Event Detection", ICASSP 2020) with psds_eval's
/// definitions: per class, each operating point gives a true positive rate and an effective false
/// positive rate; the classes' ROCs are summarised into one curve whose area up to max_efpr, divided by
/// max_efpr, is the score (docs/sed-metrics.md).
/// </summary>
public static class Psds
{
    private const double SecondsPerHour = 3600;

    /// <summary>Counts every operating point with <paramref name="parameters"/>' criteria and scores them.</summary>
    /// <param name="truth">The reference.</param>
    /// <param name="operatingPoints">The system's detections at each of its settings (thresholds).</param>
    /// <param name="parameters">Criteria and weights.</param>
    /// <exception cref="ArgumentException">Bad parameters or detections (see <see cref="PsdsGroundTruth.Count"/>), or no operating point.</exception>
    public static PsdsResult Evaluate(PsdsGroundTruth truth, IEnumerable<IReadOnlyList<SoundEvent>> operatingPoints, PsdsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(operatingPoints);
        return Score(truth, operatingPoints.Select(op => truth.Count(op, parameters)).ToList(), parameters);
    }

    /// <summary>
    /// The score of counted operating points. Per class c and operating point k:
    /// TPR = TP / reference events of c (0 for a class without reference events), FPR = FP per hour of audio,
    /// CTR to class j = cross-triggers on j per hour of j's reference events (0 when j has none), and
    /// eFPR = FPR + alpha_ct x the mean CTR over the other classes. Each class's ROC is the staircase
    /// TPR_c(x) = the highest TPR of its points (with the point (0, 0) added) whose eFPR is at most x,
    /// taken at every eFPR of any class; the summary is max(0, mean - alpha_st x standard deviation) of
    /// the classes' TPR_c(x), and the score is its area from 0 to max_efpr divided by max_efpr.
    /// </summary>
    /// <exception cref="ArgumentException">Bad parameters, no operating point, or counts of another number of classes.</exception>
    public static PsdsResult Score(PsdsGroundTruth truth, IReadOnlyList<PsdsCounts> operatingPoints, PsdsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(operatingPoints);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (operatingPoints.Count == 0)
            throw new ArgumentException("PSDS needs at least one operating point");
        int classes = truth.Labels.Count;
        if (operatingPoints.Any(op => op.TruePositives.Count != classes || op.FalsePositives.Count != classes || op.CrossTriggers.Count != classes))
            throw new ArgumentException($"the operating points were not counted for these {classes} classes");

        var classPoints = Enumerable.Range(0, classes)
            .Select(c => (IReadOnlyList<PsdRocPoint>)operatingPoints.Select(op => Point(truth, op, c, parameters.AlphaCt)).ToArray())
            .ToArray();
        // Every eFPR any class reaches, with 0 for the point (0, 0) psds_eval adds to every class.
        var rates = classPoints.SelectMany(points => points.Select(p => p.Efpr)).Append(0.0).Distinct().Order().ToArray();
        var tprs = classPoints.Select(points => Staircase(points, rates)).ToArray();
        var roc = new PsdRocPoint[rates.Length];
        for (int x = 0; x < rates.Length; x++)
        {
            double mean = tprs.Average(t => t[x]);
            double std = Math.Sqrt(tprs.Average(t => (t[x] - mean) * (t[x] - mean)));
            roc[x] = new PsdRocPoint(rates[x], Math.Max(0, mean - parameters.AlphaSt * std));
        }
        return new PsdsResult(Area(roc, parameters.MaxEfpr) / parameters.MaxEfpr, parameters, classPoints, roc);
    }

    private static PsdRocPoint Point(PsdsGroundTruth truth, PsdsCounts op, int c, double alphaCt)
    {
        int classes = truth.Labels.Count;
        double tpr = truth.EventCounts[c] == 0 ? 0 : op.TruePositives[c] / (double)truth.EventCounts[c];
        double fpr = op.FalsePositives[c] * SecondsPerHour / truth.TotalSeconds;
        double crossTriggerRate = 0;
        for (int j = 0; j < classes; j++)
        {
            if (j != c && truth.EventSeconds[j] > 0)
                crossTriggerRate += op.CrossTriggers[c][j] * SecondsPerHour / truth.EventSeconds[j];
        }
        // With one class there is nothing to cross-trigger on.
        double meanCrossTriggerRate = classes > 1 ? crossTriggerRate / (classes - 1) : 0;
        return new PsdRocPoint(fpr + alphaCt * meanCrossTriggerRate, tpr);
    }

    // A class's best TPR at or below each rate: a worse point at a higher rate is never chosen, so the curve only rises.
    private static double[] Staircase(IReadOnlyList<PsdRocPoint> points, double[] rates)
    {
        var sorted = points.OrderBy(p => p.Efpr).ToArray();
        var tpr = new double[rates.Length];
        double best = 0;
        int next = 0;
        for (int x = 0; x < rates.Length; x++)
        {
            while (next < sorted.Length && sorted[next].Efpr <= rates[x])
                best = Math.Max(best, sorted[next++].Tpr);
            tpr[x] = best;
        }
        return tpr;
    }

    // The area under the staircase from 0 to maxEfpr: each point's value holds until the next point or maxEfpr.
    private static double Area(PsdRocPoint[] roc, double maxEfpr)
    {
        double area = 0;
        for (int x = 0; x < roc.Length && roc[x].Efpr < maxEfpr; x++)
        {
            double end = x + 1 < roc.Length ? Math.Min(roc[x + 1].Efpr, maxEfpr) : maxEfpr;
            area += (end - roc[x].Efpr) * roc[x].Tpr;
        }
        return area;
    }
}
