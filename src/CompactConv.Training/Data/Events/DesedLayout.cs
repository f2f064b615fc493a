namespace CompactConv.Data.Events;

/// <summary>
/// DESED (DCASE task 4, 2019-2023) as its download scripts lay it out under the folder holding
/// metadata/ and audio/: the synthetic soundscapes and the real strongly and weakly labelled clips
/// train, the synthetic validation soundscapes validate, and the real validation set
/// (metadata/validation/validation.tsv) is the test split, as in the challenge baselines.
/// Unlabelled clips are not read.
/// </summary>
internal static class DesedLayout
{
    /// <summary>A set the download may contain: its annotation file and its audio folder, each with alternatives.</summary>
    private sealed record KnownSet(string Name, EventSplit Split, bool Weak, string Annotations, params string[] AudioFolders);

    // Each row lists alternatives for one role; the first whose annotation file exists is used.
    private static readonly KnownSet[][] Roles =
    [
        [
            new("synthetic21_train", EventSplit.Train, false, "metadata/train/synthetic21_train/soundscapes.tsv", "audio/train/synthetic21_train/soundscapes"),
            new("synthetic20", EventSplit.Train, false, "metadata/train/synthetic20/soundscapes.tsv", "audio/train/synthetic20/soundscapes"),
        ],
        [new("audioset_strong", EventSplit.Train, false, "metadata/train/audioset_strong.tsv", "audio/train/strong_label_real")],
        [new("weak", EventSplit.Train, true, "metadata/train/weak.tsv", "audio/train/weak")],
        [new("synthetic21_validation", EventSplit.Validation, false, "metadata/validation/synthetic21_validation/soundscapes.tsv", "audio/validation/synthetic21_validation/soundscapes")],
        // 2021 onwards keep the real validation clips in audio/validation/validation, 2019-2020 in audio/validation.
        [new("validation", EventSplit.Test, false, "metadata/validation/validation.tsv", "audio/validation/validation", "audio/validation")],
    ];

    // The 2023 download moved the synthetic sets under dcase_synth/; the baselines resample audio to *_16k folders.
    private const string SyntheticPrefix = "dcase_synth/";
    private const string ResampledSuffix = "_16k";

    public static EventSplits Load(string dataDir, EventDatasetOptions options)
    {
        var found = Discover(dataDir);
        string sets = string.Join("; ", found.GroupBy(f => f.Set.Split).Select(g => $"{EventPaths.Name(g.Key)}: {string.Join(", ", g.Select(f => f.Set.Name))}"));
        return AnnotationTables.Load(dataDir, found.Select(f => f.Source).ToList(), EventClasses.Desed, "DESED", options, $"DESED from {dataDir} ({sets})");
    }

    private static List<(KnownSet Set, EventSource Source)> Discover(string dataDir)
    {
        var found = new List<(KnownSet, EventSource)>();
        foreach (var role in Roles)
        {
            foreach (var set in role)
            {
                string? annotations = FirstExisting(dataDir, Candidates(set.Annotations, []), File.Exists);
                if (annotations is null)
                    continue;
                var folders = set.AudioFolders.SelectMany(f => Candidates(f, [ResampledSuffix])).ToList();
                string audio = FirstExisting(dataDir, folders, Directory.Exists)
                    ?? throw new DataException(annotations, $"no audio folder for the DESED {set.Name} set; looked for {string.Join(", ", folders)}");
                found.Add((set, new EventSource(set.Split, annotations, audio, set.Weak)));
                break;
            }
        }
        Require(dataDir, found, EventSplit.Train, "training");
        Require(dataDir, found, EventSplit.Test, "test");
        return found;
    }

    private static IEnumerable<string> Candidates(string path, string[] suffixes) =>
        from prefix in new[] { "", SyntheticPrefix }
        from suffix in new[] { "" }.Concat(suffixes)
        select prefix + path + suffix;

    private static string? FirstExisting(string dataDir, IEnumerable<string> relativePaths, Func<string, bool> exists) =>
        relativePaths.Select(p => Path.Combine(dataDir, p)).FirstOrDefault(exists);

    private static void Require(string dataDir, List<(KnownSet Set, EventSource)> found, EventSplit split, string what)
    {
        if (found.Any(f => f.Set.Split == split))
            return;
        var expected = Roles.SelectMany(r => r).Where(s => s.Split == split).Select(s => s.Annotations);
        throw new DataException(dataDir, $"no DESED {what} annotations: expected one of {string.Join(", ", expected)} (or pass explicit split files)");
    }
}
