using System.Globalization;

namespace CompactConv.Data.Events;

/// <summary>
/// Reads strongly labelled sound event detection datasets in the layouts their authors distribute
/// (URBAN-SED, DESED) or as plain tab-separated event lists, checking every annotation against its
/// audio file's header (docs/event-data.md). Audio samples are not decoded, except Ogg files for their length.
/// </summary>
public static class EventDatasets
{
    /// <summary>URBAN-SED: audio/{train,validate,test} with one annotations/.../NAME.txt per clip.</summary>
    public const string UrbanSed = "urbansed";

    /// <summary>DESED / DCASE task 4 (2019-2023): metadata/ and audio/ as the download scripts write them.</summary>
    public const string Desed = "desed";

    /// <summary>train.tsv, optional validate.tsv and test.tsv event lists with the audio under audio/.</summary>
    public const string Tsv = "tsv";

    /// <summary>The dataset names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [UrbanSed, Desed, Tsv];

    /// <summary>
    /// Reads dataset <paramref name="name"/> from <paramref name="dataDir"/>, reporting every problem found
    /// rather than the first.
    /// </summary>
    /// <param name="name">One of <see cref="Names"/> (case-insensitive).</param>
    /// <param name="dataDir">The dataset's top folder: URBAN-SED's (holding audio/ and annotations/), DESED's
    /// (holding metadata/ and audio/), or the tsv layout's.</param>
    /// <param name="options">Skipping, hold-out, seed and explicit split files; defaults when null.</param>
    /// <exception cref="ArgumentException">Unknown name, a hold-out fraction out of range, or split files for urbansed.</exception>
    /// <exception cref="DataException">A folder or annotation file is missing or unreadable, or clips have problems
    /// and <see cref="EventDatasetOptions.SkipBad"/> is off; the message counts and lists them.</exception>
    public static EventSplits Load(string name, string dataDir, EventDatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dataDir);
        string canonical = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown event dataset '{name}'; choose one of {string.Join(", ", Names)}");
        options ??= new EventDatasetOptions();
        // Written so that NaN fails too.
        if (!(options.HoldOutFraction >= 0 && options.HoldOutFraction < 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{nameof(EventDatasetOptions)}.{nameof(EventDatasetOptions.HoldOutFraction)} must be at least 0 and below 1, got {options.HoldOutFraction}"));
        if (options.SplitFiles is not null && canonical == UrbanSed)
            throw new ArgumentException($"split files do not apply to {UrbanSed}; its split is given by its folders");
        if (options.SplitFiles is { Count: 0 })
            throw new ArgumentException("the list of split files is empty");
        if (dataDir.Length == 0)
            throw new ArgumentException($"{nameof(Pipelines.AudioDataRequest)}.{nameof(Pipelines.AudioDataRequest.DataDir)} must name the dataset folder");
        if (!Directory.Exists(dataDir))
            throw new DataException(dataDir, "dataset folder not found");
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));

        if (options.SplitFiles is { } files)
        {
            // DESED's split files still use its classes; tsv has none to compare with.
            var official = canonical == Desed ? EventClasses.Desed : null;
            return AnnotationTables.Load(root, EventSource.From(files, root), official, "DESED", options, $"{canonical} split files in {root}");
        }
        return canonical switch
        {
            UrbanSed => UrbanSedLayout.Load(root, options),
            Desed => DesedLayout.Load(root, options),
            _ => TsvLayout.Load(root, options),
        };
    }
}
