namespace CompactConv.Audio;

/// <summary>The length of audio files, for checking annotations against them before any decoding.</summary>
public static class AudioDuration
{
    /// <summary>
    /// The length of <paramref name="path"/> in seconds. A WAV file's comes from its header alone (whole
    /// frames in the data chunk over the sample rate), so checking a large dataset costs a few reads per
    /// file. An Ogg Vorbis file is decoded, because the length its last page claims is unreliable for
    /// damaged streams.
    /// </summary>
    /// <exception cref="DataException">The file is missing, not WAV or Ogg, or its header is malformed,
    /// with the same problem text <see cref="AudioReader.Read"/> gives.</exception>
    public static double Seconds(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AudioFileAccess.Read(path, file =>
        {
            if (AudioContainerDetector.Detect(file, path) != AudioContainer.Wav)
                return OggVorbisDecoder.Decode(file, path).DurationSeconds;
            var layout = WavHeaderReader.Read(file, path);
            return (double)layout.Frames / layout.SampleRate;
        });
    }
}
