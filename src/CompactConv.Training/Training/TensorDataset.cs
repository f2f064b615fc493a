using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// Inputs and integer labels held in memory as two tensors with the same first dimension.
/// Owns both tensors.
/// </summary>
public sealed class TensorDataset : IDisposable
{
    /// <summary>Inputs [N, ...], float32.</summary>
    public Tensor Inputs { get; }

    /// <summary>Labels [N], int64.</summary>
    public Tensor Labels { get; }

    /// <summary>Number of samples.</summary>
    public long Count => Inputs.shape[0];

    /// <summary>Wraps the two tensors; throws when their lengths differ.</summary>
    public TensorDataset(Tensor inputs, Tensor labels)
    {
        if (inputs.shape[0] != labels.shape[0])
        {
            throw new ArgumentException($"{inputs.shape[0]} inputs but {labels.shape[0]} labels");
        }
        Inputs = inputs;
        Labels = labels;
    }

    /// <summary>Per-channel mean and standard deviation of the inputs (channels on dimension 1).</summary>
    public Normalization ComputeNormalization()
    {
        using var scope = NewDisposeScope();
        long channels = Inputs.shape[1];
        var mean = new double[channels];
        var std = new double[channels];
        for (long c = 0; c < channels; c++)
        {
            var channel = Inputs.select(1, c).to_type(ScalarType.Float64);
            mean[c] = channel.mean().item<double>();
            std[c] = Math.Max(1e-8, channel.std().item<double>());
        }
        return new Normalization(mean, std);
    }

    /// <summary>Normalises the inputs in place with <paramref name="normalization"/>.</summary>
    public void Normalize(Normalization normalization)
    {
        using var scope = NewDisposeScope();
        for (long c = 0; c < Inputs.shape[1]; c++)
        {
            var channel = Inputs.select(1, c);
            channel.sub_(normalization.Mean[c]).div_(normalization.Std[c]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
