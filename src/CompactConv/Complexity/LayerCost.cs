namespace CompactConv.Complexity;

/// <summary>
/// The cost of one module in a <see cref="CostReport"/>, for a single sample (batch of one).
/// A module that ran several times in one forward pass has its costs summed over the calls.
/// </summary>
/// <param name="Name">Qualified name as given by <c>named_modules()</c>; <c>(model)</c> when the model itself is a leaf.</param>
/// <param name="Type">The module's .NET type name, e.g. <c>Conv2d</c>.</param>
/// <param name="OutputShape">Output shape of the first call without the batch dimension, e.g. [16, 10, 12].</param>
/// <param name="Parameters">Elements of the module's own parameters (not its children's).</param>
/// <param name="Macs">Multiply-accumulates: convolutions and linear layers only; biases excluded. See docs/complexity.md.</param>
/// <param name="Ops">Element operations that are not multiply-accumulates: bias adds, BatchNorm, activations, pooling, channel pooling.</param>
/// <param name="ActivationBytes">Bytes of the outputs this module allocated (elements times element size); 0 for views and pass-throughs.</param>
/// <param name="PeakActivationBytes">The largest single output this module allocated, in bytes.</param>
/// <param name="Calls">How many times the module ran in the measured forward pass (0 for a container row that only owns parameters).</param>
/// <param name="HasCostModel">False for a module type the cost rules do not know: its <paramref name="Macs"/> and <paramref name="Ops"/> are 0 and mean "unknown".</param>
public sealed record LayerCost(
    string Name,
    string Type,
    IReadOnlyList<long> OutputShape,
    long Parameters,
    long Macs,
    long Ops,
    long ActivationBytes,
    long PeakActivationBytes,
    int Calls,
    bool HasCostModel);
