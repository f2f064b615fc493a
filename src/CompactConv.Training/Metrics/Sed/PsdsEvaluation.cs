using CompactConv.Data.Events;
using CompactConv.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>Several PSDS of one system's operating points, under named parameter sets.</summary>
/// <param name="OperatingPoints">How many operating points the curves go through.</param>
/// <param name="Thresholds">The thresholds the posteriors were decoded at; null for a scored event list.</param>
/// <param name="PostProcessing">The post-processing the posteriors were decoded with, whose thresholds
/// <paramref name="Thresholds"/> replaced; null for a scored event list.</param>
/// <param name="Results">Each parameter set's name and result, in the order asked.</param>
public sealed record PsdsReport(int OperatingPoints, IReadOnlyList<double>? Thresholds, PostProcessingOptions? PostProcessing,
    IReadOnlyList<KeyValuePair<string, PsdsResult>> Results);

/// <summary>PSDS of a system given as frame posteriors or as a scored event list, under several parameter sets.</summary>
public static class PsdsEvaluation
{
    /// <summary>The two DCASE task 4 scenarios, named "scenario1" and "scenario2".</summary>
    public static IReadOnlyList<KeyValuePair<string, PsdsParameters>> DcaseScenarios { get; } =
        [KeyValuePair.Create("scenario1", PsdsParameters.Scenario1), KeyValuePair.Create("scenario2", PsdsParameters.Scenario2)];

    /// <summary>
    /// Decodes <paramref name="clips"/> at each of <paramref name="thresholds"/> with the rest of
    /// <paramref name="postProcessing"/> (<see cref="OperatingPoints.Decode"/>) and scores the operating points.
    /// </summary>
    /// <exception cref="ArgumentException">Bad parameters, or posteriors, classes, files or options that do not fit the reference.</exception>
    public static PsdsReport FromPosteriors(PsdsGroundTruth truth, IReadOnlyList<ClipPosteriors> clips, double frameSeconds,
        PostProcessingOptions postProcessing, IReadOnlyList<double> thresholds, IReadOnlyList<KeyValuePair<string, PsdsParameters>> parameterSets)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var points = OperatingPoints.Decode(clips, frameSeconds, truth.Labels, postProcessing, thresholds);
        return new PsdsReport(points.Count, thresholds.ToArray(), postProcessing, Score(truth, points, parameterSets));
    }

    /// <summary>Scores the operating points of a scored event list (<see cref="OperatingPoints.FromScores"/>).</summary>
    /// <exception cref="ArgumentException">Bad parameters, an event without a finite score, or events that do not fit the reference.</exception>
    public static PsdsReport FromScoredEvents(PsdsGroundTruth truth, ScoredEventList list, IReadOnlyList<KeyValuePair<string, PsdsParameters>> parameterSets)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var points = OperatingPoints.FromScores(list);
        return new PsdsReport(points.Count, null, null, Score(truth, points, parameterSets));
    }

    private static List<KeyValuePair<string, PsdsResult>> Score(PsdsGroundTruth truth, List<List<SoundEvent>> points,
        IReadOnlyList<KeyValuePair<string, PsdsParameters>> parameterSets)
    {
        ArgumentNullException.ThrowIfNull(parameterSets);
        if (parameterSets.Count == 0)
            throw new ArgumentException("no PSDS parameter set to score");
        return parameterSets.Select(set => KeyValuePair.Create(set.Key, Psds.Evaluate(truth, points, set.Value))).ToList();
    }
}
