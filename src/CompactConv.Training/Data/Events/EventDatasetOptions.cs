namespace CompactConv.Data.Events;

/// <summary>How <see cref="EventDatasets.Load"/> treats problems and divides the data.</summary>
public sealed record EventDatasetOptions
{
    /// <summary>
    /// Leave out what has a problem, listing it in <see cref="EventSplits.Skipped"/>, instead of failing:
    /// a clip whose annotation is malformed or whose audio is missing or unreadable, an audio file without
    /// annotation, an event or weak label of a class the training split does not have. A problem that makes
    /// a whole annotation file unreadable still fails.
    /// </summary>
    public bool SkipBad { get; init; }

    /// <summary>Fraction of the strongly labelled training clips held out as validation when the layout has
    /// no validation split, in [0, 1); 0 holds out none.</summary>
    public double HoldOutFraction { get; init; } = 0.1;

    /// <summary>Seed of the validation hold-out.</summary>
    public int Seed { get; init; }

    /// <summary>Annotation files to read instead of the layout's own (desed and tsv only); null uses the layout's.</summary>
    public IReadOnlyList<EventSplitFile>? SplitFiles { get; init; }
}
