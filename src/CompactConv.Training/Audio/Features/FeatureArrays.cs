using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace CompactConv.Audio.Features;

/// <summary>Copies between [NMels, Frames] tensors and the float[,] that callers and the cache hold.</summary>
internal static class FeatureArrays
{
    /// <summary>Row-major view of a rectangular array's storage (a float[,] is one contiguous block).</summary>
    public static Span<float> AsSpan(float[,] array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    /// <summary>The values of a 2-D float tensor as float[rows, cols].</summary>
    public static float[,] ToArray(Tensor matrix)
    {
        if (matrix.dim() != 2) throw new ArgumentException($"expected a 2-D tensor, got shape [{string.Join(", ", matrix.shape)}]");
        using var scope = NewDisposeScope();
        var dense = matrix.detach().to_type(ScalarType.Float32).cpu().contiguous();
        var result = new float[matrix.shape[0], matrix.shape[1]];
        dense.data<float>().CopyTo(AsSpan(result));
        return result;
    }

    /// <summary>A float32 tensor [rows, cols] holding a copy of <paramref name="array"/>.</summary>
    public static Tensor ToTensor(float[,] array)
    {
        var t = zeros(array.GetLength(0), array.GetLength(1), dtype: ScalarType.Float32);
        t.data<float>().CopyFrom(AsSpan(array));
        return t;
    }
}
