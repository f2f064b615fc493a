using System.Globalization;

namespace CompactConv.Data.Audio;

/// <summary>
/// The steps every layout shares once its metadata is read: find classes without training
/// examples, fail or skip on problems, warn about sources on both sides, hold out validation.
/// </summary>
internal static class SplitAssembler
{
    /// <summary>Turns checked candidates into splits, or fails with every problem found.</summary>
    /// <param name="candidates">Examples that passed their row checks.</param>
    /// <param name="classNames">The dataset's classes in index order; every candidate's label is one of them.</param>
    /// <param name="problems">Problems found so far; class problems are added here.</param>
    /// <param name="options">Skipping, validation fraction and seed.</param>
    /// <param name="errorPath">The metadata file (or folder) the error is reported against.</param>
    /// <param name="origin">Dataset, fold and folder, for <see cref="AudioSplits.Source"/>.</param>
    /// <param name="warnings">Layout-specific warnings; more are added.</param>
    /// <exception cref="DataException">There are problems and skipping is off, a problem cannot be
    /// skipped, or nothing is left to train on.</exception>
    public static AudioSplits Assemble(IReadOnlyList<Candidate> candidates, IReadOnlyList<string> classNames,
        ProblemList problems, AudioDatasetOptions options, string errorPath, string origin, List<string> warnings)
    {
        var trained = candidates.Where(c => c.Part == SplitPart.Train).Select(c => c.Example.Label).ToHashSet(StringComparer.Ordinal);
        var emptyClasses = classNames.Where(c => !trained.Contains(c)).ToHashSet(StringComparer.Ordinal);
        foreach (string name in classNames.Where(emptyClasses.Contains))
        {
            int others = candidates.Count(c => c.Example.Label == name);
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"class '{name}' has no training example (validation/test: {others})"));
        }

        if (problems.HasFatal || (problems.Count > 0 && !options.SkipBad))
            throw problems.ToException(errorPath);

        // A class the model never sees in training cannot be learnt; its other examples go with it.
        var kept = candidates.Where(c => !emptyClasses.Contains(c.Example.Label)).ToList();
        var classes = classNames.Where(c => !emptyClasses.Contains(c)).ToList();
        var train = kept.Where(c => c.Part == SplitPart.Train).Select(c => c.Example).ToList();
        var validation = kept.Where(c => c.Part == SplitPart.Validation).Select(c => c.Example).ToList();
        var test = kept.Where(c => c.Part == SplitPart.Test).Select(c => c.Example).ToList();
        if (train.Count == 0)
        {
            problems.AddFatal("no training examples");
            throw problems.ToException(errorPath);
        }

        WarnAboutSharedSources(train, validation, test, warnings);
        if (test.Count == 0)
            warnings.Add("the test split is empty");

        if (options.ValidationFraction > 0)
        {
            if (validation.Count > 0)
                warnings.Add("the validation fraction was ignored: the split file names the validation examples");
            else
                (train, validation) = ValidationHoldOut.Split(train, options.ValidationFraction, options.Seed);
        }

        string source = string.Create(CultureInfo.InvariantCulture,
            $"{origin}: {train.Count:N0} train / {validation.Count:N0} validation / {test.Count:N0} test, {classes.Count} classes");
        return new AudioSplits(train, validation, test, classes, source, warnings,
            options.SkipBad ? problems.All.ToList() : []);
    }

    // Official folds are what they are; the user should still know when they leak.
    private static void WarnAboutSharedSources(List<AudioExample> train, List<AudioExample> validation,
        List<AudioExample> test, List<string> warnings)
    {
        var trainCounts = train.Concat(validation).Where(e => e.Source is not null).CountBy(e => e.Source!)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var shared = test.Where(e => e.Source is not null && trainCounts.ContainsKey(e.Source)).CountBy(e => e.Source!)
            .OrderBy(p => p.Key, StringComparer.Ordinal);
        foreach (var (source, testCount) in shared)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"source '{source}' has clips in both training ({trainCounts[source]}) and test ({testCount})"));
        }
    }
}
