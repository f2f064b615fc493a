namespace CompactConv.Data.Audio;

/// <summary>How <see cref="AudioDatasets.Load"/> treats bad examples and divides the data.</summary>
public sealed record AudioDatasetOptions
{
    /// <summary>Leave out examples (and classes) with problems, listing them in
    /// <see cref="AudioSplits.Skipped"/>, instead of failing. Problems that make a whole metadata
    /// file unreadable still fail.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Fraction of the training examples held out as validation, in [0, 1); 0 holds out
    /// none. Clips of one source stay together, and every class keeps at least one training clip.</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Fraction of each class put into the test split of a folder layout without a
    /// split file, in [0, 1). Official splits of the other layouts ignore it.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of every random choice (folder test split, validation hold-out).</summary>
    public int Seed { get; init; }
}
