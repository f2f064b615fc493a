namespace CompactConv.Data.Audio;

/// <summary>An audio dataset divided for training, with what was noticed on the way.</summary>
/// <param name="Train">Examples to train on.</param>
/// <param name="Validation">Examples held out of training for model selection; may be empty.</param>
/// <param name="Test">Examples never used for training or model selection.</param>
/// <param name="ClassNames">Class names; a label's index here is its class index. TAU and folder
/// layouts sort them ordinally; ESC-50 and UrbanSound8K order them by their numeric class id.</param>
/// <param name="Source">Human-readable origin: dataset, folder, fold and split sizes.</param>
/// <param name="Warnings">Facts worth telling the user that do not stop loading, such as a
/// recording whose clips sit in both the training and the test split of an official fold.</param>
/// <param name="Skipped">With <see cref="AudioDatasetOptions.SkipBad"/>, the problems of every example
/// (or class) that was left out; empty otherwise.</param>
public sealed record AudioSplits(
    IReadOnlyList<AudioExample> Train,
    IReadOnlyList<AudioExample> Validation,
    IReadOnlyList<AudioExample> Test,
    IReadOnlyList<string> ClassNames,
    string Source,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Skipped);
