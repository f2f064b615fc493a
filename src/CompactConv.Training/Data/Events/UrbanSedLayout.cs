using CompactConv.Data.Audio;

namespace CompactConv.Data.Events;

/// <summary>
/// URBAN-SED as distributed: audio/{train,validate,test}/NAME.wav with the simplified annotation
/// annotations/{train,validate,test}/NAME.txt (the .jams files beside them are not read). A missing
/// validate folder pair makes the loader hold out validation clips from train.
/// </summary>
internal static class UrbanSedLayout
{
    private static readonly (string Folder, EventSplit Split)[] Folders =
        [("train", EventSplit.Train), ("validate", EventSplit.Validation), ("test", EventSplit.Test)];

    public static EventSplits Load(string dataDir, EventDatasetOptions options)
    {
        var problems = new ProblemList();
        var collector = new EventClipCollector(dataDir, problems);
        foreach (var (folder, split) in Folders)
        {
            string audio = Path.Combine(dataDir, "audio", folder), annotations = Path.Combine(dataDir, "annotations", folder);
            var missing = new[] { audio, annotations }.Where(f => !Directory.Exists(f)).ToList();
            // validate may be left out as a whole (then validation is held out of train); half a split may not.
            if (missing.Count == 2 && split == EventSplit.Validation)
                continue;
            foreach (string folderPath in missing)
                problems.AddFatal($"missing folder {EventPaths.Relative(dataDir, folderPath)} (expected audio/ and annotations/ with train, validate and test)");
            if (missing.Count == 0)
                Pair(dataDir, audio, annotations, split, collector, problems);
        }

        var notes = new List<string>();
        var classNames = EventClasses.FromTraining(collector.Clips);
        EventClasses.NoteUnofficial(classNames, EventClasses.UrbanSed, "URBAN-SED", notes);
        return EventAssembler.Assemble(collector.Clips, classNames, problems, notes, options, dataDir, $"URBAN-SED from {dataDir}");
    }

    // One annotation per audio file with the same stem; either without the other is a problem.
    private static void Pair(string dataDir, string audio, string annotations, EventSplit split, EventClipCollector collector, ProblemList problems)
    {
        var wavs = EventPaths.AudioFiles(audio);
        var texts = Directory.EnumerateFiles(annotations, "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var stems = wavs.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (string text in texts.Where(t => !stems.Contains(Path.GetFileNameWithoutExtension(t))))
            problems.Add($"{EventPaths.Relative(dataDir, Path.Combine(annotations, text))}: annotation without audio file in {EventPaths.Relative(dataDir, audio)}");

        var annotated = texts.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (string wav in wavs)
        {
            string stem = Path.GetFileNameWithoutExtension(wav);
            string textPath = Path.Combine(annotations, stem + ".txt");
            string relative = EventPaths.Relative(dataDir, textPath);
            if (!annotated.Contains(stem))
            {
                problems.Add($"{EventPaths.Relative(dataDir, Path.Combine(audio, wav))}: audio file without annotation {relative}");
                continue;
            }
            if (EventTextFile.Read(textPath, relative, wav, problems) is { } events)
                collector.Add(split, wav, audio, relative, events, null);
        }
    }
}
