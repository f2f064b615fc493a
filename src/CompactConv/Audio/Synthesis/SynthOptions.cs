namespace CompactConv.Audio.Synthesis;

/// <summary>How the synthesiser reads clips and reports progress; none of this changes the output.</summary>
public sealed record SynthOptions
{
    /// <summary>
    /// Reads a clip as mono samples at the given rate: (path, sample rate) → samples in [-1, 1].
    /// Null uses the built-in reader (PCM16 and float32 WAV, no resampling: a clip at another rate
    /// is an error). Plug in the general audio reader and resampler here.
    /// </summary>
    public Func<string, int, float[]>? LoadMono { get; init; }

    /// <summary>File extensions (with the dot, any case) taken as clips in the label folders.</summary>
    public IReadOnlyList<string> ClipExtensions { get; init; } = [".wav"];

    /// <summary>Called after each soundscape is written with (done, total); may be called from several threads, never at once.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Soundscapes generated at once; null for one per core. The output does not depend on it.</summary>
    public int? Parallelism { get; init; }

    /// <summary>How many decoded samples to keep in memory across soundscapes (default 64 M, 256 MB).</summary>
    public long ClipCacheSamples { get; init; } = 64L << 20;
}
