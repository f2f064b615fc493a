namespace CompactConv.Data.Audio;

/// <summary>An example that passed its row's checks, with the split its metadata assigned.</summary>
internal sealed record Candidate(AudioExample Example, SplitPart Part);
