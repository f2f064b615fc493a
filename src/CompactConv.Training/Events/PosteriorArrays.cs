using static TorchSharp.torch;

namespace CompactConv.Events;

/// <summary>
/// Frame posteriors from the model's tensors to the plain arrays that <see cref="EventDecoder"/> (in the
/// TorchSharp-free audio package, shared with deployed models) decodes.
/// </summary>
public static class PosteriorArrays
{
    /// <summary>Copies a [frames, classes] tensor (any float type, any device) into an array.</summary>
    /// <exception cref="ArgumentException">The tensor is not two-dimensional.</exception>
    public static float[,] ToArray(Tensor posteriors)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        if (posteriors.dim() != 2) throw new ArgumentException($"posteriors must be [frames, classes], got [{string.Join(", ", posteriors.shape)}]", nameof(posteriors));
        using var values = posteriors.detach().to_type(ScalarType.Float32).cpu().contiguous();
        var flat = values.data<float>().ToArray();
        int frames = (int)posteriors.shape[0], classes = (int)posteriors.shape[1];
        var result = new float[frames, classes];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }
}
