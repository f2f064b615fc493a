using NVorbis;

namespace CompactConv.Audio;

/// <summary>Decodes Ogg Vorbis with NVorbis, reporting malformed streams as <see cref="DataException"/>s.</summary>
internal static class OggVorbisDecoder
{
    private const int FramesPerRead = 4096;

    /// <summary>
    /// Decodes the first logical Vorbis stream of <paramref name="file"/> into one array per
    /// channel. Later links of a chained file are ignored: they may have other channel counts or
    /// rates, and dataset clips are single streams.
    /// </summary>
    public static AudioClip Decode(Stream file, string path)
    {
        using var vorbis = Open(file, path);
        return Guard(path, "decoding failed", () => DecodeSamples(vorbis, path));
    }

    /// <summary>Reads only the stream headers, checking that they describe playable audio.</summary>
    public static void CheckHeaders(Stream file, string path)
    {
        using var vorbis = Open(file, path);
    }

    private static AudioClip DecodeSamples(VorbisReader vorbis, string path)
    {
        int channels = vorbis.Channels;
        var interleaved = new float[Math.Min(Array.MaxLength, Math.Max(FramesPerRead, EstimatedFrames(vorbis)) * channels)];
        var chunk = new float[FramesPerRead * channels];
        long total = 0;
        while (true)
        {
            int got = vorbis.ReadSamples(chunk, 0, chunk.Length);
            if (got == 0)
                break;
            if (total + got > interleaved.Length)
                Array.Resize(ref interleaved, (int)Math.Min(Array.MaxLength, Math.Max(total + got, 2L * interleaved.Length)));
            Array.Copy(chunk, 0, interleaved, total, got);
            total += got;
        }
        long frames = total / channels;
        // NVorbis yields nothing, rather than failing, for streams cut or damaged early on.
        if (frames == 0)
            throw new DataException(path, "no audio: the Vorbis stream decodes to no samples (truncated or damaged?)");
        var output = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            var channel = output[c] = new float[frames];
            for (long f = 0, i = c; f < frames; f++, i += channels)
                channel[f] = interleaved[i];
        }
        return new AudioClip(output, vorbis.SampleRate);
    }

    private static VorbisReader Open(Stream file, string path)
    {
        var vorbis = Guard(path, "cannot read the stream headers", () => new VorbisReader(file, closeOnDispose: false));
        if (vorbis.Channels <= 0 || vorbis.SampleRate <= 0)
        {
            string what = vorbis.Channels <= 0 ? "zero channels" : "zero sample rate";
            vorbis.Dispose();
            throw new DataException(path, $"{what} in the Vorbis header");
        }
        return vorbis;
    }

    // The total comes from the last page's granule position; it is only a capacity hint because
    // damaged files can lie about it.
    private static long EstimatedFrames(VorbisReader vorbis)
    {
        long frames = vorbis.TotalSamples;
        return frames is > 0 and < 1L << 28 ? frames : 0;
    }

    // NVorbis reports malformed data through several unrelated exception types (argument,
    // invalid-data, index and end-of-stream errors among them), so anything it throws that is not
    // already ours is a corrupt file. The library's own words go in brackets: they are terse ("Could not find Vorbis data to
    // decode.") but sometimes the only clue to what is wrong.
    private static T Guard<T>(string path, string stage, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is not (DataException or OutOfMemoryException))
        {
            throw new DataException(path, $"corrupt OGG Vorbis data: {stage} (NVorbis: {AudioFileAccess.OneLine(e.Message)})", e);
        }
    }
}
