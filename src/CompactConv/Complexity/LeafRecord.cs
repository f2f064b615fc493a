using static TorchSharp.torch;

namespace CompactConv.Complexity;

/// <summary>What the forward hooks saw of one leaf module, summed over its calls.</summary>
internal sealed class LeafRecord(string name, nn.Module module)
{
    /// <summary>Qualified name.</summary>
    public string Name { get; } = name;

    /// <summary>The module observed.</summary>
    public nn.Module Module { get; } = module;

    /// <summary>Calls seen.</summary>
    public int Calls { get; private set; }

    /// <summary>Output shape of the first call without the batch dimension; empty until the first call.</summary>
    public long[] OutputShape { get; private set; } = [];

    /// <summary>Summed multiply-accumulates.</summary>
    public long Macs { get; private set; }

    /// <summary>Summed other element operations.</summary>
    public long Ops { get; private set; }

    /// <summary>Summed bytes of allocated outputs.</summary>
    public long ActivationBytes { get; private set; }

    /// <summary>Largest single allocated output in bytes.</summary>
    public long PeakActivationBytes { get; private set; }

    /// <summary>False once any call hit a module type without a cost rule.</summary>
    public bool Modelled { get; private set; } = true;

    /// <summary>Adds one call. Only shapes are kept: the tensors belong to the model's dispose scopes.</summary>
    public void Add(Tensor input, Tensor output)
    {
        var outputShape = output.shape;
        var cost = LayerCostRules.Of(Module, input.shape, outputShape);
        if (Calls == 0) OutputShape = outputShape.Length == 0 ? [] : outputShape[1..];
        Calls++;
        Macs += cost.Macs;
        Ops += cost.Ops;
        Modelled &= cost.Modelled;
        if (cost.Allocates)
        {
            long bytes = output.NumberOfElements * output.ElementSize;
            ActivationBytes += bytes;
            PeakActivationBytes = Math.Max(PeakActivationBytes, bytes);
        }
    }
}
