using System.Buffers.Binary;
using CompactConv.IO;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Writes mono PCM16 WAV files atomically.
/// Replace with CompactConv.Audio.WavWriter once merged.
/// </summary>
internal static class MiniWavWriter
{
    /// <summary>Writes <paramref name="samples"/> (nominally in [-1, 1]; beyond is clamped) as 16-bit PCM.</summary>
    public static void WritePcm16(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        var bytes = new byte[44 + samples.Length * 2];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], bytes.Length - 8);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples.Length * 2);
        for (int i = 0; i < samples.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], ToPcm16(samples[i]));
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The 16-bit value a sample is stored as: scaled by 32767, rounded half to even, clamped.</summary>
    public static short ToPcm16(float sample) => (short)Math.Clamp(Math.Round(sample * 32767.0), short.MinValue, short.MaxValue);
}
