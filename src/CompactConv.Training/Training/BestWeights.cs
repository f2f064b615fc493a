using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// The best epoch's weights held in memory, for training without a run folder (where best.model would
/// hold them): copied on the CPU after each best epoch and copied back into the module at the end.
/// </summary>
internal sealed class BestWeights : IDisposable
{
    private readonly Dictionary<string, Tensor> saved = [];

    /// <summary>Replaces the held copy with <paramref name="model"/>'s current parameters and buffers.</summary>
    public void Capture(nn.Module model)
    {
        Clear();
        foreach (var (name, value) in model.state_dict())
            saved[name] = value.detach().cpu().clone().DetachFromDisposeScope();
    }

    /// <summary>True once an epoch was captured.</summary>
    public bool Any => saved.Count > 0;

    /// <summary>Copies the held weights into <paramref name="model"/>'s own tensors, on whatever device they are.</summary>
    public void RestoreInto(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in model.state_dict())
        {
            if (saved.TryGetValue(name, out var copy)) value.copy_(copy);
        }
    }

    private void Clear()
    {
        foreach (var tensor in saved.Values) tensor.Dispose();
        saved.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}
