using System.Buffers.Binary;

namespace CompactConv.Audio.Synthesis;

/// <summary>Format and extent of a WAV file's sample data.</summary>
internal readonly record struct MiniWavInfo(int SampleRate, int Channels, int BitsPerSample, bool IsFloat, long DataOffset, long Frames);

/// <summary>
/// Just enough of a WAV reader for the synthesiser: PCM 16-bit and IEEE float 32-bit, plain or
/// WAVE_FORMAT_EXTENSIBLE, any channel count (averaged to mono).
/// Replace with CompactConv.Audio.AudioReader once merged (through <see cref="SynthOptions.LoadMono"/>).
/// </summary>
internal static class MiniWavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Reads the header only; throws <see cref="DataException"/> for anything but a readable PCM16/float32 WAV.</summary>
    public static MiniWavInfo ReadInfo(string path)
    {
        using var stream = Open(path);
        return ParseHeader(stream, path);
    }

    /// <summary>Reads the clip as mono; a sample rate other than <paramref name="expectedRate"/> is an error naming the file.</summary>
    public static float[] ReadMono(string path, int expectedRate)
    {
        using var stream = Open(path);
        var info = ParseHeader(stream, path);
        CheckRate(path, info, expectedRate);
        int bytesPerSample = info.BitsPerSample / 8;
        long byteCount = info.Frames * info.Channels * bytesPerSample;
        if (byteCount > int.MaxValue) throw new DataException(path, "clip too long for the built-in reader");
        var raw = new byte[byteCount];
        stream.Position = info.DataOffset;
        stream.ReadExactly(raw);
        var mono = new float[info.Frames];
        float scale = 1f / info.Channels;
        for (long frame = 0; frame < info.Frames; frame++)
        {
            float sum = 0;
            for (int c = 0; c < info.Channels; c++)
            {
                int at = (int)((frame * info.Channels + c) * bytesPerSample);
                sum += info.IsFloat
                    ? BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(at))
                    : BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan(at)) / 32768f;
            }
            mono[frame] = sum * scale;
        }
        return mono;
    }

    /// <summary>Throws <see cref="DataException"/> naming the file when its rate is not <paramref name="expectedRate"/>.</summary>
    public static void CheckRate(string path, MiniWavInfo info, int expectedRate)
    {
        if (info.SampleRate != expectedRate)
            throw new DataException(path, $"sample rate {info.SampleRate} Hz does not match the spec's {expectedRate} Hz (convert it, e.g. sox IN -r {expectedRate} OUT)");
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (IOException e)
        {
            throw new DataException(path, $"cannot open: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException(path, $"cannot open: {e.Message}", e);
        }
    }

    private static MiniWavInfo ParseHeader(Stream stream, string path)
    {
        Span<byte> head = stackalloc byte[12];
        if (stream.ReadAtLeast(head, 12, throwOnEndOfStream: false) < 12
            || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
            throw new DataException(path, "not a WAV file (no RIFF/WAVE header)");

        ushort format = 0, channels = 0, bits = 0;
        int rate = 0;
        bool haveFormat = false;
        Span<byte> chunk = stackalloc byte[8];
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            long bodyStart = stream.Position;
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16) throw new DataException(path, "fmt chunk too short");
                var body = new byte[Math.Min(size, 40u)];
                if (stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length) throw new DataException(path, "truncated fmt chunk");
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(14));
                // The extensible header keeps the real format code in the first two bytes of its sub-format GUID.
                if (format == FormatExtensible && body.Length >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(24));
                haveFormat = true;
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new DataException(path, "data chunk before fmt chunk");
                bool isFloat = format == FormatFloat && bits == 32;
                if (!(isFloat || format == FormatPcm && bits == 16))
                    throw new DataException(path, $"unsupported WAV encoding (format {format}, {bits} bits): the built-in reader takes PCM16 and float32");
                if (channels == 0 || rate <= 0) throw new DataException(path, "fmt chunk has no channels or no sample rate");
                long available = stream.Length - bodyStart;
                // Streaming writers leave the size at 0 or 0xFFFFFFFF; then the data runs to the end of the file.
                long length = size is 0 or uint.MaxValue ? available : size;
                if (length > available) throw new DataException(path, $"truncated: data chunk declares {size} bytes, {available} present");
                long frames = length / (channels * (bits / 8));
                if (frames == 0) throw new DataException(path, "no audio samples");
                return new MiniWavInfo(rate, channels, bits, isFloat, bodyStart, frames);
            }
            // Chunks are padded to an even length.
            stream.Position = bodyStart + size + (size & 1);
        }
        throw new DataException(path, haveFormat ? "no data chunk" : "no fmt chunk");
    }
}
