using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CompactConv.Complexity;

/// <summary>
/// Measures parameters, multiply-accumulates, other operations, activation memory and serialized size of a
/// model by running one forward pass on a batch of one and observing every leaf module through forward hooks.
/// The counting conventions are in docs/complexity.md; in short:
/// <list type="bullet">
/// <item>Convolution MACs = output elements * (in_channels / groups) * kernel elements; linear MACs = output elements * in_features. Biases are ops, not MACs.</item>
/// <item>Ops (not MACs): bias adds 1 per output element, BatchNorm 2 per output element (folded scale and shift),
/// activations 1 per output element, max/avg pooling kernel elements per output element, adaptive pooling and
/// <see cref="Layers.ChannelPool"/> 1 per input element.</item>
/// <item>Memory = output elements * element size (4 bytes for float32) for each output a layer allocates; views and pass-throughs take none.</item>
/// </list>
/// </summary>
public static class ModelCost
{
    /// <summary>
    /// Runs <paramref name="model"/> once in evaluation mode without gradients on a zero input of shape
    /// [1, ..<paramref name="inputShape"/>] and reports per-layer and total cost for that one sample.
    /// The training flags of all modules are restored and all hooks removed afterwards, even on failure.
    /// </summary>
    /// <param name="model">The model; its children must be invoked with <c>call()</c>, which is what runs TorchSharp's hooks.</param>
    /// <param name="inputShape">Per-sample input shape, e.g. [C, H, W], without the batch dimension.</param>
    /// <exception cref="ArgumentException">The shape is empty or has a non-positive dimension.</exception>
    /// <exception cref="InvalidOperationException">A leaf module ran without passing its hooks, or the parameter count does not add up.</exception>
    public static CostReport Measure(nn.Module<Tensor, Tensor> model, long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape.Any(d => d < 1))
        {
            throw new ArgumentException($"ModelCost: input shape must have positive dimensions, got [{string.Join(", ", inputShape)}]");
        }

        var modules = NamedModules(model);
        var leaves = modules.Where(m => !m.Module.children().Any()).ToList();
        var modes = TrainingModes.Capture(model);
        List<LeafRecord> seen;
        try
        {
            model.eval();
            using var trace = ForwardTrace.Attach(leaves);
            RunOnce(model, inputShape);
            var missed = trace.NotSeen.ToList();
            if (missed.Count > 0)
            {
                throw new InvalidOperationException(
                    $"ModelCost: these leaf modules ran without their forward hooks: {string.Join(", ", missed)}. " +
                    "TorchSharp runs hooks only from Module.call(); a parent that invokes a child with forward() " +
                    "hides it from the count, as does a module the forward pass never uses.");
            }
            seen = [.. trace.Seen];
        }
        finally
        {
            modes.Restore();
        }

        var rows = seen
            .Select(r => new LayerCost(r.Name, TypeName(r.Module), r.OutputShape, OwnParameters(r.Module), r.Macs, r.Ops,
                r.ActivationBytes, r.PeakActivationBytes, r.Calls, r.Modelled))
            .Where(row => row.Parameters > 0 || row.Macs > 0 || row.Ops > 0 || row.ActivationBytes > 0 || !row.HasCostModel)
            .ToList();
        // A container may own parameters directly (not through a child); give it a row so rows add up.
        rows.AddRange(modules
            .Where(m => m.Module.children().Any() && OwnParameters(m.Module) > 0)
            .Select(m => new LayerCost(m.Name, TypeName(m.Module), [], OwnParameters(m.Module), 0, 0, 0, 0, 0, false)));

        var report = new CostReport(inputShape.ToArray(), rows, SerializedBytes(model));
        long total = CountParameters(model);
        if (report.Parameters != total)
        {
            throw new InvalidOperationException(
                $"ModelCost: layer rows hold {report.Parameters} parameters but the model has {total} (shared parameters?)");
        }
        return report;
    }

    /// <summary>Total elements of all parameters of <paramref name="module"/> and its descendants.</summary>
    public static long CountParameters(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }

    /// <summary>
    /// Parameter elements of the convolutions and BatchNorms in <paramref name="module"/> (itself included):
    /// the weights of its conv blocks, without linear, recurrent or other layers. Comparing conv kinds on this
    /// figure isolates what the kind changes from the parts of a model that every kind shares.
    /// </summary>
    public static long ConvolutionParameters(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return NamedModules(module).Where(m => m.Module is Convolution or BatchNorm).Sum(m => OwnParameters(m.Module));
    }

    /// <summary>Bytes that <c>Module.save(Stream)</c> writes for <paramref name="module"/>.</summary>
    public static long SerializedBytes(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var stream = new MemoryStream();
        module.save(stream);
        // save() closes the stream: Length then throws, but ToArray() is documented to work on a closed MemoryStream.
        return stream.ToArray().LongLength;
    }

    private static void RunOnce(nn.Module<Tensor, Tensor> model, long[] inputShape)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var first = model.parameters().FirstOrDefault();
        var dtype = first is not null && first.is_floating_point() ? first.dtype : ScalarType.Float32;
        long[] shape = [1, .. inputShape];
        // Zeros rather than random values: measuring must not advance the global random generator.
        var input = zeros(shape, dtype, first?.device);
        model.call(input);
    }

    private static List<(string Name, nn.Module Module)> NamedModules(nn.Module model)
    {
        var modules = new List<(string Name, nn.Module Module)> { ("(model)", model) };
        modules.AddRange(model.named_modules().Where(m => !ReferenceEquals(m.Item2, model)).Select(m => (m.Item1, m.Item2)));
        return modules;
    }

    private static long OwnParameters(nn.Module module) => module.parameters(false).Sum(p => p.numel());

    private static string TypeName(nn.Module module) => module.GetType().Name;
}
