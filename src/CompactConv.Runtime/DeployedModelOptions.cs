namespace CompactConv.Runtime;

/// <summary>How <see cref="DeployedModel"/> runs its file.</summary>
public sealed record DeployedModelOptions
{
    /// <summary>The defaults: ONNX Runtime chooses the thread count.</summary>
    public static DeployedModelOptions Default { get; } = new();

    /// <summary>
    /// Threads one inference may use (ONNX Runtime's intra-op threads); null lets ONNX Runtime choose. A service
    /// that runs several models side by side sets 1 so that they do not fight over cores.
    /// </summary>
    public int? IntraOpThreads { get; init; }
}
