namespace CompactConv.Data;

/// <summary>
/// The content of one IDX file: an unsigned-byte array of one to four dimensions, stored
/// row-major exactly as in the file.
/// </summary>
public sealed class IdxArray
{
    /// <summary>The most dimensions an <see cref="IdxArray"/> may have.</summary>
    public const int MaxDimensions = 4;

    /// <summary>Size of each dimension, outermost first (for MNIST images: count, rows, columns).</summary>
    public int[] Shape { get; }

    /// <summary>The elements in row-major order; its length is the product of <see cref="Shape"/>.</summary>
    public byte[] Data { get; }

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given shape.</summary>
    /// <exception cref="ArgumentException">The shape has no or too many dimensions, a size below 1,
    /// or does not match the length of <paramref name="data"/>.</exception>
    public IdxArray(int[] shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (shape.Length is < 1 or > MaxDimensions)
            throw new ArgumentException($"An IDX array has 1 to {MaxDimensions} dimensions, not {shape.Length}.", nameof(shape));
        long elements = 1;
        foreach (int size in shape)
        {
            // Empty dimensions are refused because the reader refuses them too: what is written
            // must always read back.
            if (size < 1)
                throw new ArgumentException($"IDX dimension sizes must be at least 1; shape is [{string.Join(", ", shape)}].", nameof(shape));
            elements *= size;
        }
        if (elements != data.Length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {elements} elements but {data.Length} bytes were given.", nameof(data));
        Shape = shape;
        Data = data;
    }

    /// <summary>The shape as text, e.g. <c>[60000, 28, 28]</c>, for messages.</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
