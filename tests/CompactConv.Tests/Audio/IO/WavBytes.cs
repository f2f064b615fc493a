using System.Text;

namespace CompactConv.Tests.Audio.IO;

/// <summary>
/// Builds WAV files byte by byte, independently of the library's writer, so that reader tests can
/// produce every variant (and every kind of damage) the reader must handle.
/// </summary>
internal static class WavBytes
{
    public const ushort Pcm = 1, Float = 3, Extensible = 0xFFFE;

    /// <summary>RIFF header with 'WAVE' form and the given chunks; the RIFF size is right unless given.</summary>
    public static byte[] Riff(IEnumerable<byte[]> chunks, uint? declaredSize = null)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        return [.. Ascii("RIFF"), .. U32(declaredSize ?? (uint)(4 + body.Length)), .. Ascii("WAVE"), .. body];
    }

    public static byte[] Riff(params byte[][] chunks) => Riff((IEnumerable<byte[]>)chunks);

    /// <summary>A chunk with a pad byte after an odd-sized body; the size field can lie.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        byte[] pad = body.Length % 2 == 1 ? [0] : [];
        return [.. Ascii(id), .. U32(declaredSize ?? (uint)body.Length), .. body, .. pad];
    }

    /// <summary>A 16-byte 'fmt ' chunk (18 with a zero extension size for non-PCM tags, as real writers do).</summary>
    public static byte[] Fmt(ushort tag, int channels, int rate, int bits, int? blockAlign = null)
    {
        int align = blockAlign ?? channels * bits / 8;
        byte[] body = [.. U16(tag), .. U16((ushort)channels), .. U32((uint)rate), .. U32((uint)(rate * align)),
            .. U16((ushort)align), .. U16((ushort)bits)];
        return Chunk("fmt ", tag == Pcm ? body : [.. body, .. U16(0)]);
    }

    /// <summary>A 40-byte WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk whose sub-format GUID is built from <paramref name="subTag"/>.</summary>
    public static byte[] FmtExtensible(ushort subTag, int channels, int rate, int containerBits, int validBits)
    {
        // KSDATAFORMAT_SUBTYPE_xxx = {0000xxxx-0000-0010-8000-00AA00389B71}, stored mixed-endian.
        byte[] guid = [.. U16(subTag), 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71];
        return FmtExtensible(guid, channels, rate, containerBits, validBits);
    }

    public static byte[] FmtExtensible(byte[] guid, int channels, int rate, int containerBits, int validBits)
    {
        int align = channels * containerBits / 8;
        byte[] body = [.. U16(Extensible), .. U16((ushort)channels), .. U32((uint)rate), .. U32((uint)(rate * align)),
            .. U16((ushort)align), .. U16((ushort)containerBits), .. U16(22), .. U16((ushort)validBits), .. U32(0), .. guid];
        return Chunk("fmt ", body);
    }

    /// <summary>The usual file: fmt then data.</summary>
    public static byte[] Simple(ushort tag, int channels, int rate, int bits, byte[] data, int? blockAlign = null) =>
        Riff(Fmt(tag, channels, rate, bits, blockAlign), Chunk("data", data));

    // Sample encoders: little-endian by explicit shifts.
    public static byte[] Pcm8(params byte[] values) => values;

    public static byte[] Pcm16(params int[] values) => values.SelectMany(v => U16((ushort)(short)v)).ToArray();

    public static byte[] Pcm24(params int[] values) =>
        values.SelectMany(v => new[] { (byte)v, (byte)(v >> 8), (byte)(v >> 16) }).ToArray();

    public static byte[] Pcm32(params int[] values) => values.SelectMany(v => U32((uint)v)).ToArray();

    public static byte[] Float32(params float[] values) =>
        values.SelectMany(v => U32(BitConverter.SingleToUInt32Bits(v))).ToArray();

    public static byte[] Float64(params double[] values) =>
        values.SelectMany(v =>
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(v);
            return U32((uint)bits).Concat(U32((uint)(bits >> 32)));
        }).ToArray();

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] U16(ushort v) => [(byte)v, (byte)(v >> 8)];

    public static byte[] U32(uint v) => [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)];
}
