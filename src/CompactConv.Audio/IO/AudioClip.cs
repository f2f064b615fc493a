namespace CompactConv.Audio;

/// <summary>
/// Decoded audio: one array of samples per channel, nominally in -1..1 (floating-point files may
/// exceed that range; they are passed on unchanged), all channels of the same length.
/// </summary>
public sealed class AudioClip
{
    /// <summary>Creates a clip from per-channel samples, which it keeps (no copy).</summary>
    /// <exception cref="ArgumentException">No channels, channels of different lengths, or a
    /// sample rate that is not positive.</exception>
    public AudioClip(float[][] channels, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (channels.Length == 0)
            throw new ArgumentException("a clip needs at least one channel", nameof(channels));
        for (int c = 0; c < channels.Length; c++)
        {
            ArgumentNullException.ThrowIfNull(channels[c], $"{nameof(channels)}[{c}]");
            if (channels[c].Length != channels[0].Length)
                throw new ArgumentException(
                    $"channel {c} has {channels[c].Length} samples, channel 0 has {channels[0].Length}", nameof(channels));
        }
        Channels = channels;
        SampleRate = sampleRate;
    }

    /// <summary>The samples of each channel: <c>Channels[channel][frame]</c>.</summary>
    public float[][] Channels { get; }

    /// <summary>Frames (samples per channel) per second.</summary>
    public int SampleRate { get; }

    /// <summary>The number of channels.</summary>
    public int ChannelCount => Channels.Length;

    /// <summary>The number of frames, that is samples per channel.</summary>
    public long Frames => Channels[0].Length;

    /// <summary>The length in seconds.</summary>
    public double DurationSeconds => (double)Frames / SampleRate;

    /// <summary>
    /// The average of the channels, frame by frame: a new array, even for a mono clip, so that the
    /// caller may modify it without touching the clip.
    /// </summary>
    public float[] ToMono()
    {
        if (ChannelCount == 1)
            return (float[])Channels[0].Clone();
        var mono = new float[Frames];
        foreach (var channel in Channels)
            for (int i = 0; i < mono.Length; i++)
                mono[i] += channel[i];
        // Dividing (rather than multiplying by 1/n) keeps the mean exact for channels that agree.
        float count = ChannelCount;
        for (int i = 0; i < mono.Length; i++)
            mono[i] /= count;
        return mono;
    }
}
