namespace CompactConv.Audio.Synthesis;

/// <summary>How the synthesiser reads clips and reports progress; none of this changes the output.</summary>
public sealed record SynthOptions
{
    /// <summary>
    /// Reads a clip as mono samples at the given rate: (path, sample rate) → samples in [-1, 1].
    /// Null uses <see cref="ReadMono"/> (every format <see cref="AudioReader"/> reads, resampled to
    /// the spec's rate), after checking every clip's header up front. A replacement is trusted to
    /// report its own errors.
    /// </summary>
    public Func<string, int, float[]>? LoadMono { get; init; }

    /// <summary>File extensions (with the dot, any case) taken as clips in the label folders.</summary>
    public IReadOnlyList<string> ClipExtensions { get; init; } = [".wav", ".ogg"];

    /// <summary>Called after each soundscape is written with (done, total); may be called from several threads, never at once.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Soundscapes generated at once; null for one per core. The output does not depend on it.</summary>
    public int? Parallelism { get; init; }

    /// <summary>How many decoded samples to keep in memory across soundscapes (default 64 M, 256 MB).</summary>
    public long ClipCacheSamples { get; init; } = 64L << 20;

    /// <summary>The default clip reader: decodes WAV or Ogg Vorbis, averages the channels and resamples to <paramref name="sampleRate"/>.</summary>
    /// <exception cref="DataException">The clip is unreadable; the message names it.</exception>
    public static float[] ReadMono(string path, int sampleRate) =>
        AudioReader.Read(path, new AudioReadOptions(TargetSampleRate: sampleRate)).Channels[0];
}
