namespace CompactConv.Data.Audio;

/// <summary>Which split a metadata row puts an example in.</summary>
internal enum SplitPart
{
    Train,
    Validation,
    Test,
}
