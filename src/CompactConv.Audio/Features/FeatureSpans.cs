using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CompactConv.Audio.Features;

/// <summary>Row-major access to a float[,] (one contiguous block), for code that treats features as a flat run of values.</summary>
internal static class FeatureSpans
{
    /// <summary>The array's storage as one span, row by row.</summary>
    public static Span<float> AsSpan(float[,] array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
}
