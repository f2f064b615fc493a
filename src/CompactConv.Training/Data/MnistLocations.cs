namespace CompactConv.Data;

/// <summary>
/// Where <see cref="MnistFamily.Load"/> looks for Fashion-MNIST when no folder is given. A record
/// rather than constants so that tests can point it at folders they create.
/// </summary>
public sealed record MnistLocations
{
    /// <summary>Folder of Debian's <c>dataset-fashion-mnist</c> package.</summary>
    public const string DebianFashionMnistDir = "/usr/share/datasets/fashion-mnist";

    /// <summary>The embedded subset's folder relative to the repository root or the program folder.</summary>
    public static readonly string EmbeddedSubsetRelativeDir = Path.Combine("data", "fashion-mnist-subset");

    /// <summary>The full Fashion-MNIST set installed system-wide; used when all four files are there.</summary>
    public required string FashionMnistSystemDir { get; init; }

    /// <summary>Candidate folders of the embedded subset, tried in order; the first with all four files wins.</summary>
    public required IReadOnlyList<string> EmbeddedSubsetDirs { get; init; }

    /// <summary>
    /// The Debian folder, then the subset next to the program (how a published CLI ships it), then
    /// the subset in the nearest ancestor of the current or program folder that has one (how tests
    /// and <c>dotnet run</c> inside the repository find it). Computed on each call because the
    /// current directory can change.
    /// </summary>
    public static MnistLocations Default => new()
    {
        FashionMnistSystemDir = DebianFashionMnistDir,
        EmbeddedSubsetDirs = EmbeddedDataFolders.Candidates(EmbeddedSubsetRelativeDir),
    };
}
