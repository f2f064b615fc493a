namespace CompactConv.Tests.Onnx;

/// <summary>The ONNX package's place in the split: protobuf lives here, never in the core package.</summary>
public class OnnxPackageBoundaryTests
{
    private static string[] CompactConvAndThirdParty(System.Reflection.Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n is not ("netstandard" or "mscorlib") && !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft.", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void TheOnnxPackageSitsOnTheCoreWithOnnxSharpAndProtobufOnly()
    {
        var onnx = typeof(CompactConv.Onnx.OnnxExporter).Assembly;

        Assert.Equal("CompactConv.Onnx", onnx.GetName().Name);
        Assert.Equal(new[] { "CompactConv", "Google.Protobuf", "OnnxSharp", "TorchSharp" }, CompactConvAndThirdParty(onnx));
    }

    [Fact]
    public void TheCorePackageGainsNoProtobufFromItsExportInterfaces()
    {
        var core = typeof(CompactConv.Export.IOnnxGraph).Assembly;

        Assert.Equal("CompactConv", core.GetName().Name);
        Assert.Equal(new[] { "TorchSharp" }, CompactConvAndThirdParty(core));
    }
}
