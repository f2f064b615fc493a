using System.Text.Json;
using System.Text.Json.Nodes;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// The JSON form of sound event detection results, shared by <c>compactconv sed-metrics</c> and the
/// metrics.json of an evaluation: blocks "segment_based", "event_based" and "event_based_onset", each
/// with "overall", "class_wise" (by label) and "class_wise_average". Scores are fractions; a score that
/// is undefined (NaN) is written as null, since JSON has no NaN.
/// </summary>
public static class SedMetricsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The whole result as indented JSON text.</summary>
    public static string Serialize(SedEvaluationResult result) => ToJsonObject(result).ToJsonString(Indented);

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
