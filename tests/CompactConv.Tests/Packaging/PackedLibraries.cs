using System.Reflection;
using System.Text.RegularExpressions;

namespace CompactConv.Tests.Packaging;

/// <summary>
/// The library packages packed once per test class into a temporary feed, from the binaries this test
/// run was built with (<c>dotnet pack --no-build</c> in the tests' own configuration: no second compile). They
/// get a version of their own, so a consumer can never pick up an older package of the real version that a
/// NuGet cache on this machine still holds.
/// </summary>
public sealed partial class PackedLibraries : IDisposable
{
    /// <summary>The package ids, lowest first.</summary>
    public static readonly string[] Ids = ["CompactConv", "CompactConv.Audio", "CompactConv.Onnx", "CompactConv.Runtime", "CompactConv.Training"];

    /// <summary>The version the packages are packed under.</summary>
    public const string Version = "0.0.0-consumertest";

    private readonly TempFolder temp = new();

    public PackedLibraries()
    {
        Feed = temp.Folder("feed");
        string configuration = typeof(PackedLibraries).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (string id in Ids)
        {
            DotnetCli.Run(RepositoryFolders.Root,
                ["pack", Path.Combine("src", id, id + ".csproj"), "--no-build", "--no-restore", "-c", configuration,
                 "-o", Feed, "-p:PackageVersion=" + Version, "-p:IncludeSymbols=false"]);
        }
        LibTorchVersion = ReadLibTorchVersion();
    }

    /// <summary>The temporary feed folder.</summary>
    public string Feed { get; }

    /// <summary>The libtorch backend version the repository builds against (Directory.Packages.props).</summary>
    public string LibTorchVersion { get; }

    private static string ReadLibTorchVersion()
    {
        string props = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "Directory.Packages.props"));
        return LibTorchVersionPattern().Match(props) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("no <LibTorchVersion> in Directory.Packages.props");
    }

    [GeneratedRegex("<LibTorchVersion>([^<]+)</LibTorchVersion>")]
    private static partial Regex LibTorchVersionPattern();

    public void Dispose() => temp.Dispose();
}
