namespace CompactConv.Audio;

/// <summary>How a WAV file's samples are stored.</summary>
internal enum WavEncoding
{
    /// <summary>Integers: unsigned for 8 bits, two's complement for more.</summary>
    Pcm,

    /// <summary>IEEE 754 floating point.</summary>
    Float,
}

/// <summary>
/// What the header of a WAV file says, checked for consistency: where the samples are and how to
/// read them. <paramref name="BitsPerSample"/> is the container size (8, 16, 24 or 32 for PCM,
/// 32 or 64 for float); frames are whole interleaved sample groups, one sample per channel.
/// </summary>
internal sealed record WavLayout(
    WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, long DataOffset, long DataLength)
{
    /// <summary>Bytes of one sample of one channel.</summary>
    public int BytesPerSample => BitsPerSample / 8;

    /// <summary>Bytes of one frame.</summary>
    public int FrameBytes => BytesPerSample * Channels;

    /// <summary>Whole frames in the data chunk; a trailing partial frame is ignored.</summary>
    public long Frames => DataLength / FrameBytes;
}
