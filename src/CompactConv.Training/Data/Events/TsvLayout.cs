namespace CompactConv.Data.Events;

/// <summary>
/// A generic strongly labelled set: DIR/train.tsv, DIR/validate.tsv (optional) and DIR/test.tsv event
/// lists, with the audio in DIR/audio/train, DIR/audio/validate and DIR/audio/test when DIR/audio/train
/// exists, otherwise all in DIR/audio.
/// </summary>
internal static class TsvLayout
{
    private static readonly (string Name, EventSplit Split)[] Files =
        [("train", EventSplit.Train), ("validate", EventSplit.Validation), ("test", EventSplit.Test)];

    public static EventSplits Load(string dataDir, EventDatasetOptions options)
    {
        bool perSplit = Directory.Exists(Path.Combine(dataDir, "audio", "train"));
        var sources = new List<EventSource>();
        foreach (var (name, split) in Files)
        {
            string annotations = Path.Combine(dataDir, name + ".tsv");
            if (split == EventSplit.Validation && !File.Exists(annotations))
                continue;
            sources.Add(new EventSource(split, annotations, perSplit ? Path.Combine(dataDir, "audio", name) : Path.Combine(dataDir, "audio"), Weak: false));
        }
        string audio = perSplit ? "audio/{train,validate,test}" : "audio";
        return AnnotationTables.Load(dataDir, sources, null, "tsv", options, $"event lists in {dataDir} (audio in {audio})");
    }
}
