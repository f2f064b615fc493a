using System.Buffers.Binary;

namespace CompactConv.Audio;

/// <summary>
/// Walks the RIFF chunks of a WAV file and validates its 'fmt ' chunk without touching the
/// samples. Hand-written rather than NWaves' WaveFile because, tried on NWaves 0.9.6, that class
/// rejects 64-bit float, decodes WAVE_FORMAT_EXTENSIBLE float data as integers (samples of 0.5
/// and -0.25 came back as zeros) and fails on a truncated data chunk with a bare end-of-stream error; it also
/// always decodes the whole file, which the header-only <see cref="AudioFileCheck"/> must avoid.
/// One parser for every WAV keeps the reader and the checker in agreement.
/// </summary>
internal static class WavHeaderReader
{
    private const int RiffHeaderBytes = 12;
    private const int ChunkHeaderBytes = 8;
    private const int PlainFmtBytes = 16;
    private const int ExtensibleFmtBytes = 40;

    /// <summary>Reads the layout of the RIFF/WAVE file <paramref name="file"/> (already recognised as such).</summary>
    /// <exception cref="DataException">A chunk is missing, truncated or describes an unsupported format.</exception>
    public static WavLayout Read(Stream file, string path)
    {
        long length = file.Length;
        // The RIFF size field is ignored: streaming writers leave it 0 or 0xFFFFFFFF, and the
        // chunks themselves, checked against the real file length, are what matter.
        long position = RiffHeaderBytes;
        byte[]? fmt = null;
        long dataOffset = -1, dataLength = -1;
        Span<byte> header = stackalloc byte[ChunkHeaderBytes];
        while ((fmt is null || dataOffset < 0) && position + ChunkHeaderBytes <= length)
        {
            file.Position = position;
            file.ReadExactly(header);
            string id = AudioContainerDetector.Ascii(header[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            long body = position + ChunkHeaderBytes;
            long available = length - body;
            if (size > available)
            {
                string promise = $"'{id}' chunk promises {size} bytes, file has {available}";
                if (id == "data")
                    throw new DataException(path, $"truncated: data chunk promises {size} bytes, file has {available}");
                throw new DataException(path, id == "fmt " || fmt is null
                    ? $"truncated: {promise}"
                    : $"missing data chunk: {promise}");
            }
            if (id == "fmt ")
            {
                // Only the first 40 bytes carry anything we use; a longer chunk is legal padding.
                fmt = new byte[Math.Min(size, ExtensibleFmtBytes)];
                file.ReadExactly(fmt);
                if (size < PlainFmtBytes)
                    throw new DataException(path, $"fmt chunk too short: {size} bytes, need at least {PlainFmtBytes}");
            }
            else if (id == "data")
            {
                dataOffset = body;
                dataLength = size;
            }
            // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
            position = body + size + (size & 1);
        }
        if (fmt is null)
            throw new DataException(path, "missing fmt chunk");
        if (dataOffset < 0)
            throw new DataException(path, "missing data chunk");
        var layout = ParseFmt(fmt, path) with { DataOffset = dataOffset, DataLength = dataLength };
        if (layout.Frames == 0)
            throw new DataException(path, $"no audio: data chunk holds {dataLength} bytes, less than one {layout.FrameBytes}-byte frame");
        if (layout.Frames > Array.MaxLength)
            throw new DataException(path, $"too long: {layout.Frames} frames per channel, more than one array holds ({Array.MaxLength})");
        return layout;
    }

    private static WavLayout ParseFmt(ReadOnlySpan<byte> fmt, string path)
    {
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        string where = "";
        if (tag == WavFormatTags.Extensible)
        {
            if (fmt.Length < ExtensibleFmtBytes)
                throw new DataException(path, $"fmt chunk too short for WAVE_FORMAT_EXTENSIBLE: {fmt.Length} bytes, need {ExtensibleFmtBytes}");
            var subFormat = fmt.Slice(24, 16);
            if (!subFormat[2..].SequenceEqual(WavFormatTags.SubFormatTail))
                throw new DataException(path, $"unsupported WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(subFormat)}; supported: PCM, IEEE float");
            // The sub-format names the real encoding. Its "valid bits" field is not needed:
            // samples are left-aligned in their container, so decoding the container is exact.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
            where = " in WAVE_FORMAT_EXTENSIBLE";
        }
        WavEncoding encoding = tag switch
        {
            WavFormatTags.Pcm => WavEncoding.Pcm,
            WavFormatTags.IeeeFloat => WavEncoding.Float,
            _ => throw new DataException(path,
                $"unsupported WAV format tag 0x{tag:X4}{WavFormatTags.Describe(tag)}{where}; supported: PCM, IEEE float, extensible"),
        };
        if (channels == 0)
            throw new DataException(path, "zero channels in fmt chunk");
        if (sampleRate == 0)
            throw new DataException(path, "zero sample rate in fmt chunk");
        if (sampleRate > int.MaxValue)
            throw new DataException(path, $"sample rate {sampleRate} Hz is out of range");
        bool supported = encoding == WavEncoding.Pcm ? bits is 8 or 16 or 24 or 32 : bits is 32 or 64;
        if (!supported)
            throw new DataException(path, encoding == WavEncoding.Pcm
                ? $"unsupported bit depth: {bits}-bit PCM{where}; supported: 8, 16, 24, 32"
                : $"unsupported bit depth: {bits}-bit IEEE float{where}; supported: 32, 64");
        int expectedAlign = channels * bits / 8;
        if (blockAlign != expectedAlign)
            throw new DataException(path,
                $"block align {blockAlign} does not match {channels} channel(s) of {bits}-bit samples (expected {expectedAlign})");
        return new WavLayout(encoding, channels, (int)sampleRate, bits, DataOffset: 0, DataLength: 0);
    }
}
