using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CompactConv.Tests.Packaging;

/// <summary>
/// An example copied out of the repository into a fresh folder under the system temp folder and turned into a
/// project a user would have: its ProjectReferences to src/ become PackageReferences to the packed packages,
/// a libtorch backend is added when asked, and a nuget.config lists the test feed and this machine's own
/// sources. Restored packages go to a private folder (the machine's NuGet cache is only read, as a fallback),
/// so the test leaves no test packages behind.
/// </summary>
public sealed partial class ExampleConsumer : IDisposable
{
    private readonly TempFolder temp = new();

    public ExampleConsumer(string example, PackedLibraries packages, bool withBackend)
    {
        Name = example;
        Folder = temp.Folder(example);
        string source = RepositoryFolders.Example(example);
        foreach (string file in Directory.EnumerateFiles(source, "*.cs"))
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        var project = XDocument.Load(Path.Combine(source, example + ".csproj"));
        RewriteReferences(project, packages, withBackend);
        project.Save(Path.Combine(Folder, example + ".csproj"));
        WriteNuGetConfig(packages.Feed);
    }

    /// <summary>The example's name (its folder and project name).</summary>
    public string Name { get; }

    /// <summary>The consumer project's folder, outside the repository.</summary>
    public string Folder { get; }

    /// <summary>Builds the project; returns what the build printed.</summary>
    public DotnetCli.Result Build() =>
        DotnetCli.Run(Folder, ["build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false"]);

    /// <summary>Runs the built program and returns what it printed; fails the test when it exits with an error.</summary>
    public DotnetCli.Result Run() =>
        DotnetCli.Run(Folder, [Path.Combine(Folder, "bin", "Release", "net10.0", Name + ".dll")]);

    private static void RewriteReferences(XDocument project, PackedLibraries packages, bool withBackend)
    {
        var references = project.Descendants("ProjectReference").ToList();
        Assert.NotEmpty(references);
        var group = references[0].Parent!;
        foreach (var reference in references)
        {
            string id = PackageIdOf(reference.Attribute("Include")!.Value);
            Assert.Contains(id, PackedLibraries.Ids);
            reference.ReplaceWith(new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", PackedLibraries.Version)));
        }
        if (withBackend)
            group.Add(new XElement("PackageReference", new XAttribute("Include", BackendPackage()), new XAttribute("Version", packages.LibTorchVersion)));
    }

    /// <summary>The package of a reference like <c>../../src/CompactConv.Training/CompactConv.Training.csproj</c>.</summary>
    private static string PackageIdOf(string projectPath) =>
        Path.GetFileNameWithoutExtension(projectPath.Replace('\\', '/'));

    /// <summary>The CPU backend for this machine, as a user would pick it.</summary>
    private static string BackendPackage() =>
        OperatingSystem.IsWindows() ? "libtorch-cpu-win-x64"
        : OperatingSystem.IsMacOS() ? "libtorch-cpu-osx-arm64"
        : "libtorch-cpu-linux-x64";

    private void WriteNuGetConfig(string feed)
    {
        var sources = new XElement("packageSources", new XElement("clear"), Add("test-feed", feed));
        int n = 0;
        foreach (string url in MachineSources())
            sources.Add(Add("machine-" + n++, url));
        var config = new XElement("configuration",
            new XElement("config", Add("globalPackagesFolder", temp.Folder("packages"))),
            new XElement("fallbackPackageFolders", Add("machine-cache", MachinePackagesFolder())),
            sources);
        new XDocument(config).Save(Path.Combine(Folder, "nuget.config"));
    }

    private static XElement Add(string key, string value) =>
        new("add", new XAttribute("key", key), new XAttribute("value", value));

    /// <summary>The enabled package sources of this machine, as `dotnet nuget list source` shows them (nuget.org on a clean CI machine).</summary>
    private static IEnumerable<string> MachineSources()
    {
        var listed = DotnetCli.Run(RepositoryFolders.Root, ["nuget", "list", "source", "--format", "short"]);
        return listed.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal)).Select(l => l[2..].Trim());
    }

    /// <summary>This machine's NuGet cache, where the repository's own restore put TorchSharp and libtorch.</summary>
    private static string MachinePackagesFolder()
    {
        var listed = DotnetCli.Run(RepositoryFolders.Root, ["nuget", "locals", "global-packages", "--list"]);
        return GlobalPackagesLine().Match(listed.Output) is { Success: true } m
            ? m.Groups[1].Value.Trim()
            : throw new InvalidOperationException("no global-packages folder in:\n" + listed.Output);
    }

    [GeneratedRegex(@"global-packages:\s*(.+)")]
    private static partial Regex GlobalPackagesLine();

    public void Dispose() => temp.Dispose();
}
