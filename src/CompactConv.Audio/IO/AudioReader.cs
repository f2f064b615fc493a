namespace CompactConv.Audio;

/// <summary>
/// Reads WAV (8-bit unsigned, 16/24/32-bit integer PCM, 32/64-bit float, WAVE_FORMAT_EXTENSIBLE,
/// any channel count) and Ogg Vorbis files, recognised by content rather than extension.
/// </summary>
public static class AudioReader
{
    private static readonly AudioReadOptions Defaults = new();

    /// <summary>
    /// Decodes <paramref name="path"/>, mixed to one channel unless
    /// <see cref="AudioReadOptions.KeepChannels"/> is set, and resampled when
    /// <see cref="AudioReadOptions.TargetSampleRate"/> differs from the file's rate.
    /// </summary>
    /// <exception cref="DataException">The file is missing, empty, not WAV or Ogg, truncated,
    /// corrupt, holds no samples or uses an unsupported encoding; the message names the file and
    /// the problem on one line.</exception>
    public static AudioClip Read(string path, AudioReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= Defaults;
        if (options.TargetSampleRate is { } target)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target, nameof(options.TargetSampleRate));

        var decoded = AudioFileAccess.Read(path, file => AudioContainerDetector.Detect(file, path) switch
        {
            AudioContainer.Wav => ReadWav(file, path),
            _ => OggVorbisDecoder.Decode(file, path),
        });
        // Mixing before resampling resamples one channel instead of all of them.
        var channels = options.KeepChannels || decoded.ChannelCount == 1 ? decoded.Channels : [decoded.ToMono()];
        int rate = decoded.SampleRate;
        if (options.TargetSampleRate is { } to && to != rate)
        {
            channels = Array.ConvertAll(channels, channel => Resampler.Resample(channel, rate, to));
            rate = to;
        }
        return new AudioClip(channels, rate);
    }

    private static AudioClip ReadWav(Stream file, string path)
    {
        var layout = WavHeaderReader.Read(file, path);
        return new AudioClip(WavSampleDecoder.Decode(file, layout, path), layout.SampleRate);
    }
}
