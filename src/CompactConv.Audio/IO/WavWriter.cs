using System.Buffers.Binary;
using CompactConv.IO;

namespace CompactConv.Audio;

/// <summary>
/// Writes WAV files: the classic 44-byte PCM header (format tag 1) or IEEE float (tag 3, with the
/// 'fact' chunk the specification asks for non-PCM data). Plain tags rather than
/// WAVE_FORMAT_EXTENSIBLE, also for more than two channels, because every reader accepts them.
/// The output depends only on the arguments, so identical input gives identical bytes.
/// </summary>
public static class WavWriter
{
    private const int FramesPerBlock = 8192;

    /// <summary>
    /// Writes <paramref name="channels"/> (one array per channel, all the same length) at
    /// <paramref name="sampleRate"/> Hz to <paramref name="path"/>, atomically. PCM samples are
    /// scaled by 2^(bits-1), rounded to the nearest integer and clipped to the integer range, the
    /// inverse of <see cref="AudioReader"/>'s scaling.
    /// </summary>
    /// <exception cref="ArgumentException">No channels, channels of different lengths, a sample
    /// rate that is not positive, a NaN or infinite sample, or data too long for a WAV file.</exception>
    public static WavWriteResult Write(string path, float[][] channels, int sampleRate, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // AudioClip's constructor checks the channel arrays and the rate.
        var clip = new AudioClip(channels, sampleRate);
        if (!Enum.IsDefined(format))
            throw new ArgumentOutOfRangeException(nameof(format), format, "unknown WAV sample format");
        RejectNonFinite(channels);
        int bytesPerSample = format switch { WavSampleFormat.Pcm16 => 2, WavSampleFormat.Pcm24 => 3, _ => 4 };
        int frameBytes = bytesPerSample * clip.ChannelCount;
        long dataBytes = clip.Frames * frameBytes;
        bool isFloat = format == WavSampleFormat.Float32;
        int headerBytes = isFloat ? 12 + 26 + 12 + 8 : 44;
        if (frameBytes > ushort.MaxValue || headerBytes - 8 + dataBytes + (dataBytes & 1) > uint.MaxValue)
            throw new ArgumentException($"{clip.ChannelCount} channels of {clip.Frames} frames do not fit in a WAV file (4 GB at most)", nameof(channels));

        long clipped = 0;
        AtomicFile.Write(path, stream =>
        {
            // Blocks of whole frames go straight to the file stream, which AtomicFile owns and closes.
            WriteHeader(stream, clip, format, bytesPerSample, dataBytes, headerBytes);
            var block = new byte[FramesPerBlock * frameBytes];
            for (int start = 0; start < clip.Frames; start += FramesPerBlock)
            {
                int count = (int)Math.Min(FramesPerBlock, clip.Frames - start);
                clipped += Encode(channels, start, count, format, block);
                stream.Write(block, 0, count * frameBytes);
            }
            if ((dataBytes & 1) == 1)
                stream.WriteByte(0);
        });
        return new WavWriteResult(clipped);
    }

    private static void WriteHeader(Stream stream, AudioClip clip, WavSampleFormat format, int bytesPerSample, long dataBytes, int headerBytes)
    {
        bool isFloat = format == WavSampleFormat.Float32;
        Span<byte> header = stackalloc byte[headerBytes];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(headerBytes - 8 + dataBytes + (dataBytes & 1)));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], isFloat ? 18u : 16u);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], isFloat ? WavFormatTags.IeeeFloat : WavFormatTags.Pcm);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)clip.ChannelCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)clip.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)((long)clip.SampleRate * bytesPerSample * clip.ChannelCount));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)(bytesPerSample * clip.ChannelCount));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)(bytesPerSample * 8));
        int next = 36;
        if (isFloat)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0); // no extension bytes
            "fact"u8.CopyTo(header[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], 4);
            // The field is 32 bits; files too long for it are refused above by the 4 GB limit.
            BinaryPrimitives.WriteUInt32LittleEndian(header[46..], (uint)clip.Frames);
            next = 50;
        }
        "data"u8.CopyTo(header[next..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[(next + 4)..], (uint)dataBytes);
        stream.Write(header);
    }

    // Interleaves frames start..start+count into block; returns how many samples were clipped.
    private static long Encode(float[][] channels, int start, int count, WavSampleFormat format, byte[] block)
    {
        long clipped = 0;
        int offset = 0;
        for (int f = start; f < start + count; f++)
        {
            foreach (var channel in channels)
            {
                float value = channel[f];
                switch (format)
                {
                    case WavSampleFormat.Pcm16:
                        BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(offset), (short)Quantise(value, 32768, ref clipped));
                        offset += 2;
                        break;
                    case WavSampleFormat.Pcm24:
                        int sample = Quantise(value, 8388608, ref clipped);
                        block[offset] = (byte)sample;
                        block[offset + 1] = (byte)(sample >> 8);
                        block[offset + 2] = (byte)(sample >> 16);
                        offset += 3;
                        break;
                    default:
                        BinaryPrimitives.WriteSingleLittleEndian(block.AsSpan(offset), value);
                        offset += 4;
                        break;
                }
            }
        }
        return clipped;
    }

    // +1.0 scales to fullScale, one step above the largest code; that is quantisation at the top
    // of the range, not clipping, so only samples outside -1..1 are counted.
    private static int Quantise(float value, int fullScale, ref long clipped)
    {
        if (value is > 1f or < -1f)
            clipped++;
        double scaled = Math.Round(value * (double)fullScale);
        return (int)Math.Clamp(scaled, -fullScale, fullScale - 1);
    }

    private static void RejectNonFinite(float[][] channels)
    {
        for (int c = 0; c < channels.Length; c++)
        {
            int bad = Array.FindIndex(channels[c], v => !float.IsFinite(v));
            if (bad >= 0)
                throw new ArgumentException($"sample {bad} of channel {c} is {channels[c][bad]}, not a finite number", nameof(channels));
        }
    }
}
