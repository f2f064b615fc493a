using CompactConv.Data.Events;
using CompactConv.Events;

namespace CompactConv.Metrics.Sed;

/// <summary>
/// PSDS of a system given as files, checking that the files fit together and naming the one at fault:
/// a reference event list, a folder of frame scores or a scored event list, and audio durations.
/// </summary>
public static class PsdsFiles
{
    /// <summary>
    /// PSDS of the frame scores in <paramref name="scoresFolder"/> (<see cref="SedScoresTsv"/>) decoded at
    /// <paramref name="thresholds"/> with <paramref name="postProcessing"/>. The classes are the score files'
    /// columns; each file's length is taken from <paramref name="durationsPath"/> when given, else from its
    /// score file's last offset.
    /// </summary>
    /// <param name="reference">The reference list, as read (and merged, if asked) from <paramref name="referencePath"/>.</param>
    /// <param name="referencePath">Where the reference came from, for errors.</param>
    /// <param name="scoresFolder">A folder with one score file per file of the reference.</param>
    /// <param name="durationsPath">A durations file (<see cref="AudioDurationsTsv"/>) or null.</param>
    /// <param name="postProcessing">Median filter, gap merging and minimum length; its thresholds are replaced.</param>
    /// <param name="thresholds">The decision thresholds, one operating point each.</param>
    /// <param name="parameterSets">Named PSDS parameters.</param>
    /// <exception cref="DataException">A file is unreadable or does not fit the others; the message names it.</exception>
    /// <exception cref="ArgumentException">Bad parameters, post-processing or thresholds.</exception>
    public static PsdsReport FromScores(EventList reference, string referencePath, string scoresFolder, string? durationsPath,
        PostProcessingOptions postProcessing, IReadOnlyList<double> thresholds, IReadOnlyList<KeyValuePair<string, PsdsParameters>> parameterSets)
    {
        ArgumentNullException.ThrowIfNull(reference);
        CheckReference(reference, referencePath);
        var scores = SedScoresTsv.ReadFolder(scoresFolder);
        var (clips, lastOffsets) = scores.ForReference(reference);
        var durations = durationsPath is null ? lastOffsets : ReadDurations(reference, durationsPath);
        var known = scores.ClassNames.ToHashSet(StringComparer.Ordinal);
        if (reference.Events.FirstOrDefault(e => !known.Contains(e.Label)) is { } unknown)
            throw new DataException(referencePath, $"label '{unknown.Label}' ({unknown.File}) is not a class of the score files in {scoresFolder} ({string.Join(", ", scores.ClassNames)})");
        var truth = new PsdsGroundTruth(reference, durations, scores.ClassNames);
        return PsdsEvaluation.FromPosteriors(truth, clips, scores.FrameSeconds, postProcessing, thresholds, parameterSets);
    }

    /// <summary>
    /// PSDS of the event list with a <c>score</c> column at <paramref name="scoredPath"/>, one operating point
    /// per distinct score (<see cref="OperatingPoints.FromScores"/>). The classes are the labels of both lists.
    /// </summary>
    /// <exception cref="DataException">A file is unreadable or does not fit the others; the message names it.</exception>
    /// <exception cref="ArgumentException">Bad parameters.</exception>
    public static PsdsReport FromScoredEvents(EventList reference, string referencePath, string scoredPath, string durationsPath,
        IReadOnlyList<KeyValuePair<string, PsdsParameters>> parameterSets)
    {
        ArgumentNullException.ThrowIfNull(reference);
        CheckReference(reference, referencePath);
        var scored = EventListTsv.ReadScored(scoredPath);
        var files = reference.Files.Concat(reference.Events.Select(e => e.File)).ToHashSet(StringComparer.Ordinal);
        if (scored.Files.FirstOrDefault(f => !files.Contains(f)) is { } stranger)
            throw new DataException(scoredPath, $"names {stranger}, which the reference {referencePath} does not");
        if (PsdsGroundTruth.OverlapProblem(scored.Events.Select(e => e.Event), "estimated") is { } overlap)
            throw new DataException(scoredPath, overlap);
        var durations = ReadDurations(reference, durationsPath);
        var labels = reference.Events.Concat(scored.Events.Select(e => e.Event)).Select(e => e.Label)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length == 0)
            throw new DataException(referencePath, "neither the reference nor the scored events have a label, so there is no class to score");
        return PsdsEvaluation.FromScoredEvents(new PsdsGroundTruth(reference, durations, labels), scored, parameterSets);
    }

    /// <summary>Why PSDS cannot score against <paramref name="reference"/> (overlapping same-label events), with the remedy; or null.</summary>
    internal static string? ReferenceProblem(EventList reference) =>
        PsdsGroundTruth.OverlapProblem(reference.Events, "reference") is { } overlap ? $"{overlap}; {nameof(EventOverlaps)}.{nameof(EventOverlaps.Merge)}(list) merges them" : null;

    private static void CheckReference(EventList reference, string referencePath)
    {
        if (ReferenceProblem(reference) is { } problem)
            throw new DataException(referencePath, problem);
    }

    private static IReadOnlyDictionary<string, double> ReadDurations(EventList reference, string durationsPath)
    {
        var durations = AudioDurationsTsv.Read(durationsPath);
        if (PsdsGroundTruth.DurationProblem(reference, durations) is { } problem)
            throw new DataException(durationsPath, problem);
        return durations;
    }
}
