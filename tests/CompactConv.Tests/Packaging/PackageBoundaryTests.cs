using System.Reflection;

namespace CompactConv.Tests.Packaging;

/// <summary>
/// The package split as docs/architecture.md ("Packages") states it: what each library assembly may
/// reference, so that a dependency creeping in (TorchSharp into the audio package, say) fails here
/// rather than in a user's build.
/// </summary>
public class PackageBoundaryTests
{
    private static IReadOnlySet<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !IsPlatform(n)).ToHashSet(StringComparer.Ordinal);

    // The .NET runtime's own assemblies come with every app.
    private static bool IsPlatform(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal);

    [Fact]
    public void TheAudioPackageNeedsNeitherTorchSharpNorTheOtherPackages()
    {
        var references = References(typeof(CompactConv.Audio.AudioReader).Assembly);

        Assert.Equal("CompactConv.Audio", typeof(CompactConv.Audio.AudioReader).Assembly.GetName().Name);
        Assert.Equal(new[] { "NVorbis" }, references.OrderBy(r => r));
        Assert.DoesNotContain(references, r => r.StartsWith("TorchSharp", StringComparison.Ordinal) || r.StartsWith("CompactConv", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCorePackageNeedsTorchSharpAndNothingElse()
    {
        var core = typeof(CompactConv.Layers.CompactConv2d).Assembly;

        Assert.Equal("CompactConv", core.GetName().Name);
        Assert.Equal(new[] { "TorchSharp" }, References(core).OrderBy(r => r));
    }

    [Fact]
    public void TheTrainingPackageSitsOnTheOtherTwo()
    {
        var references = References(typeof(CompactConv.Training.Trainer).Assembly);

        Assert.Contains("CompactConv", references);
        Assert.Contains("CompactConv.Audio", references);
        Assert.Contains("TorchSharp", references);
        Assert.DoesNotContain(references, r => r.StartsWith("CompactConv.Cli", StringComparison.Ordinal));
    }
}
