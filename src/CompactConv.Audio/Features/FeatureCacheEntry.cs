using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace CompactConv.Audio.Features;

/// <summary>
/// The binary layout of one cache entry, all integers and floats little-endian:
/// <code>
///   0  8 bytes   magic "CCLOGMEL"
///   8  int32     format version (1)
///  12  int32     mel bands M
///  16  int32     frames F
///  20  32 bytes  SHA-256 of the full key (audio path, size, last-write time, options JSON)
///  52  M*F float32, row-major [M, F]
///  end 32 bytes  SHA-256 of every byte before it
/// </code>
/// The trailing checksum covers the header too, so a flipped bit anywhere is caught.
/// </summary>
internal static class FeatureCacheEntry
{
    public const int Version = 1;
    private static readonly byte[] Magic = "CCLOGMEL"u8.ToArray();
    private const int HeaderLength = 52;
    private const int ChecksumLength = 32;

    /// <summary>The entry's bytes for <paramref name="features"/> [M, F] under <paramref name="keyHash"/>.</summary>
    public static byte[] Encode(byte[] keyHash, float[,] features)
    {
        int mels = features.GetLength(0), frames = features.GetLength(1);
        var bytes = new byte[HeaderLength + 4L * features.Length + ChecksumLength];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], mels);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], frames);
        keyHash.CopyTo(span[20..]);
        var payload = span.Slice(HeaderLength, 4 * features.Length);
        var values = FeatureSpans.AsSpan(features);
        if (BitConverter.IsLittleEndian)
            MemoryMarshal.AsBytes(values).CopyTo(payload);
        else
            for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(payload[(4 * i)..], values[i]);
        SHA256.HashData(span[..^ChecksumLength], span[^ChecksumLength..]);
        return bytes;
    }

    /// <summary>
    /// The features stored in <paramref name="bytes"/>, or null when the entry is corrupt (bad
    /// magic, version, shape, length or checksum), stale (its key hash differs) or holds a value
    /// that is not finite.
    /// </summary>
    public static float[,]? Decode(ReadOnlySpan<byte> bytes, byte[] keyHash)
    {
        if (bytes.Length < HeaderLength + ChecksumLength || !bytes[..8].SequenceEqual(Magic)) return null;
        if (BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) != Version) return null;
        int mels = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        int frames = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        if (mels < 1 || frames < 1 || bytes.Length != HeaderLength + 4L * mels * frames + ChecksumLength) return null;
        if (!bytes.Slice(20, 32).SequenceEqual(keyHash)) return null;
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        SHA256.HashData(bytes[..^ChecksumLength], checksum);
        if (!checksum.SequenceEqual(bytes[^ChecksumLength..])) return null;

        var features = new float[mels, frames];
        var values = FeatureSpans.AsSpan(features);
        var payload = bytes.Slice(HeaderLength, 4 * values.Length);
        if (BitConverter.IsLittleEndian)
            payload.CopyTo(MemoryMarshal.AsBytes(values));
        else
            for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(payload[(4 * i)..]);
        // Versions before the extractor refused non-finite features cached them; such an entry is
        // recomputed, so that the file is refused like any other whose features overflow.
        foreach (float value in values)
        {
            if (!float.IsFinite(value)) return null;
        }
        return features;
    }
}
