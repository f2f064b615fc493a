namespace CompactConv.Tests.Training;

/// <summary>
/// Tests that read what the process prints or writes in its working folder: they run alone, after the
/// parallel ones, so that no other test's output or files get mixed in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleAndFolderCollection
{
    public const string Name = "console and working folder";
}
