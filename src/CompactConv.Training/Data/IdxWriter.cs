using System.Buffers.Binary;
using System.IO.Compression;

namespace CompactConv.Data;

/// <summary>
/// Writes unsigned-byte IDX files, raw or gzip-compressed, in the layout <see cref="IdxReader"/> reads.
/// </summary>
public static class IdxWriter
{
    /// <summary>
    /// Writes <paramref name="array"/> to <paramref name="path"/>, replacing any existing file.
    /// With <paramref name="gzip"/> the output is compressed at <see cref="CompressionLevel.SmallestSize"/>;
    /// the same array then always gives the same bytes on the same runtime, which keeps committed
    /// data files reproducible.
    /// </summary>
    public static void Write(string path, IdxArray array, bool gzip)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        if (!gzip)
        {
            Write(file, array);
            return;
        }
        using var deflated = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true);
        Write(deflated, array);
    }

    /// <summary>Writes <paramref name="array"/> uncompressed to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IdxArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        Span<byte> header = stackalloc byte[4 + 4 * IdxArray.MaxDimensions];
        header[0] = 0;
        header[1] = 0;
        header[2] = IdxReader.UnsignedByteType;
        header[3] = (byte)array.Shape.Length;
        for (int i = 0; i < array.Shape.Length; i++)
            BinaryPrimitives.WriteUInt32BigEndian(header.Slice(4 + 4 * i, 4), (uint)array.Shape[i]);
        stream.Write(header[..(4 + 4 * array.Shape.Length)]);
        stream.Write(array.Data);
    }
}
