using System.Buffers.Binary;
using System.Globalization;

namespace CompactConv.Audio;

/// <summary>
/// Turns the interleaved samples of a WAV data chunk into one float array per channel, scaled so
/// that full-scale integers map to -1..1 (dividing by 2^(bits-1), so -full scale is exactly -1).
/// </summary>
internal static class WavSampleDecoder
{
    private const int BlockBytes = 1 << 16;

    /// <summary>Decodes every whole frame described by <paramref name="layout"/>.</summary>
    /// <exception cref="DataException">A floating-point sample is NaN or infinite.</exception>
    public static float[][] Decode(Stream file, WavLayout layout, string path)
    {
        int frames = checked((int)layout.Frames);
        var channels = new float[layout.Channels][];
        for (int c = 0; c < channels.Length; c++)
            channels[c] = new float[frames];
        int framesPerBlock = Math.Max(1, BlockBytes / layout.FrameBytes);
        var block = new byte[framesPerBlock * layout.FrameBytes];
        file.Position = layout.DataOffset;
        for (int start = 0; start < frames; start += framesPerBlock)
        {
            int count = Math.Min(framesPerBlock, frames - start);
            var bytes = block.AsSpan(0, count * layout.FrameBytes);
            file.ReadExactly(bytes);
            DecodeBlock(bytes, layout, channels, start);
        }
        if (layout.Encoding == WavEncoding.Float)
            RejectNonFinite(channels, path);
        return channels;
    }

    private static void DecodeBlock(ReadOnlySpan<byte> bytes, WavLayout layout, float[][] channels, int firstFrame)
    {
        switch (layout.Encoding, layout.BitsPerSample)
        {
            case (WavEncoding.Pcm, 8): Deinterleave<UnsignedPcm8>(bytes, channels, firstFrame); break;
            case (WavEncoding.Pcm, 16): Deinterleave<Pcm16>(bytes, channels, firstFrame); break;
            case (WavEncoding.Pcm, 24): Deinterleave<Pcm24>(bytes, channels, firstFrame); break;
            case (WavEncoding.Pcm, 32): Deinterleave<Pcm32>(bytes, channels, firstFrame); break;
            case (WavEncoding.Float, 32): Deinterleave<Float32>(bytes, channels, firstFrame); break;
            case (WavEncoding.Float, 64): Deinterleave<Float64>(bytes, channels, firstFrame); break;
            default: throw new InvalidOperationException($"layout {layout} passed validation but has no decoder");
        }
    }

    // Generic over a struct so the JIT compiles one tight loop per sample format, with the
    // conversion inlined, instead of branching or calling a delegate for every sample.
    private static void Deinterleave<T>(ReadOnlySpan<byte> bytes, float[][] channels, int firstFrame)
        where T : struct, ISampleFormat
    {
        int stride = T.Size * channels.Length;
        int frames = bytes.Length / stride;
        for (int c = 0; c < channels.Length; c++)
        {
            var target = channels[c].AsSpan(firstFrame, frames);
            for (int f = 0, offset = c * T.Size; f < frames; f++, offset += stride)
                target[f] = T.Read(bytes.Slice(offset, T.Size));
        }
    }

    private interface ISampleFormat
    {
        static abstract int Size { get; }

        static abstract float Read(ReadOnlySpan<byte> sample);
    }

    private readonly struct UnsignedPcm8 : ISampleFormat
    {
        public static int Size => 1;

        public static float Read(ReadOnlySpan<byte> sample) => (sample[0] - 128) / 128f;
    }

    private readonly struct Pcm16 : ISampleFormat
    {
        public static int Size => 2;

        public static float Read(ReadOnlySpan<byte> sample) => BinaryPrimitives.ReadInt16LittleEndian(sample) / 32768f;
    }

    private readonly struct Pcm24 : ISampleFormat
    {
        public static int Size => 3;

        // The three bytes go to the top of an int so that the arithmetic shift extends the sign.
        public static float Read(ReadOnlySpan<byte> sample) =>
            ((sample[0] << 8 | sample[1] << 16 | sample[2] << 24) >> 8) / 8388608f;
    }

    private readonly struct Pcm32 : ISampleFormat
    {
        public static int Size => 4;

        // Through double so that the value is rounded to float once, not twice.
        public static float Read(ReadOnlySpan<byte> sample) =>
            (float)(BinaryPrimitives.ReadInt32LittleEndian(sample) / 2147483648.0);
    }

    private readonly struct Float32 : ISampleFormat
    {
        public static int Size => 4;

        public static float Read(ReadOnlySpan<byte> sample) => BinaryPrimitives.ReadSingleLittleEndian(sample);
    }

    private readonly struct Float64 : ISampleFormat
    {
        public static int Size => 8;

        public static float Read(ReadOnlySpan<byte> sample) => (float)BinaryPrimitives.ReadDoubleLittleEndian(sample);
    }

    // NaN or infinity would silently poison every feature and loss computed from the clip.
    private static void RejectNonFinite(float[][] channels, string path)
    {
        for (int c = 0; c < channels.Length; c++)
        {
            int bad = Array.FindIndex(channels[c], v => !float.IsFinite(v));
            if (bad >= 0)
                throw new DataException(path, $"sample {bad} of channel {c} is {channels[c][bad].ToString(CultureInfo.InvariantCulture)}, not a finite number");
        }
    }
}
