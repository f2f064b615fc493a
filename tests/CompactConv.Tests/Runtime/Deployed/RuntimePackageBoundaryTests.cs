namespace CompactConv.Tests.Runtime.Deployed;

/// <summary>The runtime package's promise: an exported model runs with ONNX Runtime and the audio package, no TorchSharp.</summary>
public class RuntimePackageBoundaryTests
{
    [Fact]
    public void TheRuntimePackageReferencesTheAudioPackageAndOnnxRuntimeOnly()
    {
        var runtime = typeof(CompactConv.Runtime.DeployedModel).Assembly;
        var references = runtime.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n is not ("netstandard" or "mscorlib") && !n.StartsWith("System", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal("CompactConv.Runtime", runtime.GetName().Name);
        Assert.Equal(new[] { "CompactConv.Audio", "Microsoft.ML.OnnxRuntime" }, references);
        Assert.DoesNotContain(references, r => r.StartsWith("TorchSharp", StringComparison.Ordinal) || r == "CompactConv");
    }
}
