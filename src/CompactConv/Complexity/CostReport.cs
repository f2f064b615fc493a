using System.Globalization;

namespace CompactConv.Complexity;

/// <summary>
/// Per-layer and total cost of a model for one sample, as measured by <see cref="ModelCost.Measure"/>.
/// Totals are derived from <see cref="Layers"/>, so the two can never disagree.
/// </summary>
public sealed class CostReport
{
    /// <summary>Builds a report from its rows; <paramref name="inputShape"/> excludes the batch dimension.</summary>
    public CostReport(IReadOnlyList<long> inputShape, IReadOnlyList<LayerCost> layers, long serializedBytes)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(layers);
        InputShape = inputShape;
        Layers = layers;
        SerializedBytes = serializedBytes;
        Parameters = layers.Sum(l => l.Parameters);
        Macs = layers.Sum(l => l.Macs);
        Ops = layers.Sum(l => l.Ops);
        TotalActivationBytes = layers.Sum(l => l.ActivationBytes);
        PeakActivationBytes = layers.Count == 0 ? 0 : layers.Max(l => l.PeakActivationBytes);
    }

    /// <summary>Per-sample input shape the model was measured with, e.g. [8, 10, 12].</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>One row per leaf module that did work or owns parameters, in the order the forward pass first reached it.</summary>
    public IReadOnlyList<LayerCost> Layers { get; }

    /// <summary>Trainable and frozen parameter elements of the whole model.</summary>
    public long Parameters { get; }

    /// <summary>Multiply-accumulates of convolutions and linear layers for one sample (biases excluded).</summary>
    public long Macs { get; }

    /// <summary>Other element operations for one sample (bias adds, BatchNorm, activations, pooling, channel pooling).</summary>
    public long Ops { get; }

    /// <summary>The largest single output any layer allocated, in bytes: a lower bound on inference memory.</summary>
    public long PeakActivationBytes { get; }

    /// <summary>Sum of all allocated layer outputs in bytes: what training keeps alive for the backward pass, roughly.</summary>
    public long TotalActivationBytes { get; }

    /// <summary>Length of what <c>Module.save(Stream)</c> writes: the on-disk size of the weights file.</summary>
    public long SerializedBytes { get; }

    /// <summary>Exactly <c>params=&lt;integer&gt; macs=&lt;integer&gt;</c>, for logs and scripts.</summary>
    public string ToSummaryLine() => string.Create(CultureInfo.InvariantCulture, $"params={Parameters} macs={Macs}");

    /// <summary>A plain-text table (layer, type, output, params, MACs, ops, memory) with totals; unknown costs print as <c>?</c>.</summary>
    public string ToTable() => CostTable.Format(this);

    /// <summary>The per-layer rows of <see cref="ToTable"/> with the totals as footer, for other renderings (TSV, terminal tables).</summary>
    public Reports.TextTable ToTextTable() => CostTable.Table(this);

    /// <summary>The lines <see cref="ToTable"/> ends with: peak and summed activation memory, serialized size.</summary>
    public IReadOnlyList<string> MemoryLines() => CostTable.MemoryLines(this);
}
