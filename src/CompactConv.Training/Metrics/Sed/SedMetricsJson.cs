using System.Text.Json;
using System.Text.Json.Nodes;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// The JSON form of sound event detection results, shared by <c>compactconv sed-metrics</c> and the
/// metrics.json of an evaluation: "merge_reference", blocks "segment_based", "event_based" and
/// "event_based_onset", each with "overall", "class_wise" (by label) and "class_wise_average", and
/// "psds". Scores are fractions; a score that is undefined (NaN) is written as null, since JSON has no NaN.
/// </summary>
public static class SedMetricsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The whole result as indented JSON text.</summary>
    public static string Serialize(SedEvaluationResult result) => ToJsonObject(result).ToJsonString(Indented);

    /// <summary>
    /// A report: whether the reference's overlapping same-label events were merged, then the sed_eval blocks
    /// of <paramref name="metrics"/> and the "psds" block of <paramref name="psds"/>, each left out when null.
    /// </summary>
    public static JsonObject Report(bool mergeReference, SedEvaluationResult? metrics, PsdsReport? psds)
    {
        var report = new JsonObject { ["merge_reference"] = mergeReference };
        if (metrics is not null)
        {
            foreach (var (key, value) in ToJsonObject(metrics)) report[key] = value?.DeepClone();
        }
        if (psds is not null)
            report["psds"] = ToJsonObject(psds);
        return report;
    }

    /// <summary>
    /// The "psds" block: "operating_points", for decoded posteriors "thresholds" (their count) and
    /// "post_processing", then one object per parameter set with "value" and the parameters.
    /// </summary>
    public static JsonObject ToJsonObject(PsdsReport report)
    {
        var json = new JsonObject { ["operating_points"] = report.OperatingPoints };
        if (report.Thresholds is { } thresholds)
            json["thresholds"] = thresholds.Count;
        if (report.PostProcessing is { } post)
        {
            json["post_processing"] = new JsonObject
            {
                ["median_filter_seconds"] = post.MedianFilterSeconds,
                ["min_event_seconds"] = post.MinEventSeconds,
                ["min_gap_seconds"] = post.MinGapSeconds,
            };
        }
        foreach (var (name, result) in report.Results)
        {
            var p = result.Parameters;
            json[name] = new JsonObject
            {
                ["value"] = Score(result.Value),
                ["dtc"] = p.Dtc,
                ["gtc"] = p.Gtc,
                ["cttc"] = p.Cttc,
                ["alpha_ct"] = p.AlphaCt,
                ["alpha_st"] = p.AlphaSt,
                ["max_efpr"] = p.MaxEfpr,
            };
        }
        return json;
    }

    /// <summary>The whole result as a JSON object, to embed in a larger document.</summary>
    public static JsonObject ToJsonObject(SedEvaluationResult result) => new()
    {
        ["segment_based"] = ToJsonObject(result.SegmentBased),
        ["event_based"] = ToJsonObject(result.EventBased),
        ["event_based_onset"] = ToJsonObject(result.EventBasedOnset),
    };

    /// <summary>One block: "overall", "class_wise" and "class_wise_average".</summary>
    public static JsonObject ToJsonObject(SedMetricResults block)
    {
        var o = block.Overall;
        var classWise = new JsonObject();
        foreach (var c in block.ClassWise)
            classWise[c.Label] = Scores(c.FMeasure, c.Precision, c.Recall, c.ErrorRate);
        var a = block.ClassWiseAverage;
        return new JsonObject
        {
            ["overall"] = Scores(o.FMeasure, o.Precision, o.Recall, o.ErrorRate,
                ("substitution_rate", o.SubstitutionRate), ("deletion_rate", o.DeletionRate), ("insertion_rate", o.InsertionRate)),
            ["class_wise"] = classWise,
            ["class_wise_average"] = Scores(a.FMeasure, a.Precision, a.Recall, a.ErrorRate,
                ("deletion_rate", a.DeletionRate), ("insertion_rate", a.InsertionRate)),
        };
    }

    private static JsonObject Scores(double fMeasure, double precision, double recall, double errorRate, params (string Name, double Value)[] rates)
    {
        var scores = new JsonObject
        {
            ["f_measure"] = Score(fMeasure),
            ["precision"] = Score(precision),
            ["recall"] = Score(recall),
            ["error_rate"] = Score(errorRate),
        };
        foreach (var (name, value) in rates) scores[name] = Score(value);
        return scores;
    }

    private static JsonNode? Score(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
