namespace CompactConv.Tests.Packaging;

/// <summary>Where the repository's sources and examples are, found from the test binaries upwards.</summary>
public static class RepositoryFolders
{
    /// <summary>The folder holding CompactConv.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The folder of example <paramref name="name"/> (examples/NAME, with NAME.csproj and Program.cs).</summary>
    public static string Example(string name) => Path.Combine(Root, "examples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CompactConv.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no CompactConv.slnx above {AppContext.BaseDirectory}");
    }
}
