namespace CompactConv.Data.Events;

/// <summary>A sound event dataset divided for training, with what was noticed on the way.</summary>
/// <param name="Train">Clips to train on.</param>
/// <param name="Validation">Clips for model selection: the layout's own validation split, or a seeded
/// share of the strongly labelled training clips when it has none; may be empty.</param>
/// <param name="Test">Clips never used for training or model selection.</param>
/// <param name="ClassNames">Every label of the training clips, sorted ordinally; a label's index here is its class index.</param>
/// <param name="Source">Human-readable origin: dataset, folder, annotation files and split sizes.</param>
/// <param name="Notes">Facts that do not stop loading: merged overlaps, events cut at the clip's end, the
/// validation hold-out, labels outside the dataset's official classes.</param>
/// <param name="Skipped">With <see cref="EventDatasetOptions.SkipBad"/>, every problem that cost a clip, an event or a
/// label; empty otherwise.</param>
public sealed record EventSplits(
    IReadOnlyList<EventExample> Train,
    IReadOnlyList<EventExample> Validation,
    IReadOnlyList<EventExample> Test,
    IReadOnlyList<string> ClassNames,
    string Source,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Skipped);
