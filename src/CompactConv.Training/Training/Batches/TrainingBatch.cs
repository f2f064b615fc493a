using static TorchSharp.torch;

namespace CompactConv.Training.Batches;

/// <summary>
/// One training step's inputs and labels. The tensors belong to no dispose scope (they may have been
/// made on a loader thread, and TorchSharp's scopes are per thread), so whoever takes a batch owns
/// it and disposes it.
/// </summary>
public sealed class TrainingBatch : IDisposable
{
    /// <summary>Wraps the tensors of step <paramref name="step"/> of epoch <paramref name="epoch"/>; takes ownership.</summary>
    public TrainingBatch(int epoch, long step, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        Epoch = epoch;
        Step = step;
        Inputs = inputs;
        Labels = labels;
    }

    /// <summary>1-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>0-based step within the epoch.</summary>
    public long Step { get; }

    /// <summary>Inputs [B, C, H, W], float32, normalised and augmented.</summary>
    public Tensor Inputs { get; }

    /// <summary>Class indices [B], int64.</summary>
    public Tensor Labels { get; }

    /// <summary>Images in the batch.</summary>
    public long Count => Labels.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
