using CompactConv.Audio;
using CompactConv.Audio.Features;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>
/// The log-mel stage the audio pipelines share: fill the feature cache for a dataset's clips (one pass
/// that also finds every undecodable file), read features back, fit per-band statistics on training
/// features and stack normalised features into fixed-length model input.
/// </summary>
internal sealed class LogMelData
{
    private readonly FeatureCache _cache;

    private LogMelData(FeatureCache cache, LogMelOptions options, FeatureCacheFillResult extraction, IReadOnlySet<string> failed)
    {
        _cache = cache;
        Options = options;
        Extraction = extraction;
        Failed = failed;
    }

    /// <summary>The front end the features were computed with.</summary>
    public LogMelOptions Options { get; }

    /// <summary>What filling the cache did.</summary>
    public FeatureCacheFillResult Extraction { get; }

    /// <summary>Paths that could not be decoded or gave no usable features (left out with skip-bad).</summary>
    public IReadOnlySet<string> Failed { get; }

    /// <summary>
    /// Decodes (resampling to the front end's rate) and extracts every file not yet cached in
    /// <paramref name="cacheDir"/>. Undecodable files fail the call unless <paramref name="skipBad"/>,
    /// which lists them in <paramref name="notes"/> and <see cref="Failed"/>.
    /// </summary>
    /// <exception cref="DataException">Files could not be decoded or gave no usable features and skipping is off; names the first five.</exception>
    public static LogMelData Extract(IEnumerable<string> paths, LogMelOptions options, string cacheDir, int parallelism,
        bool skipBad, string dataDir, List<string> notes, IProgress<int>? progress)
    {
        var cache = new FeatureCache(cacheDir);
        var all = paths.Distinct(StringComparer.Ordinal).ToList();
        int sampleRate = options.SampleRate;
        var extraction = cache.Fill(all, path => AudioReader.Read(path, new AudioReadOptions { TargetSampleRate = sampleRate }).Channels[0],
            options, parallelism, progress);
        if (extraction.Failures.Count > 0)
        {
            // Fill decodes every file not yet cached and lists those that fail, so one pass finds them all.
            if (!skipBad)
            {
                throw new DataException(dataDir, $"{extraction.Failures.Count} audio file(s) could not be decoded or gave no usable features: {string.Join("; ", extraction.Failures.Take(5).Select(f => f.Message))} (leave them out with {nameof(AudioDataRequest)}.{nameof(AudioDataRequest.SkipBad)})");
            }
            notes.AddRange(extraction.Failures.Select(f => $"skipped {f.Message}"));
        }
        return new LogMelData(cache, options, extraction, extraction.Failures.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The cached features [mels, frames] of <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The entry vanished or was damaged after extraction.</exception>
    public float[,] Get(string path) =>
        _cache.TryGet(path, Options, out var features) ? features : throw new DataException(path, "features missing from the cache after extraction");

    /// <summary>Per-band statistics of the training features, fitted by <see cref="BandNormalizer"/>.</summary>
    public static Normalization FitBands(IReadOnlyList<float[,]> features)
    {
        using var scope = NewDisposeScope();
        var fitted = BandNormalizer.Fit(features.Select(f => tensor(f)));
        return new Normalization(fitted.Mean, fitted.Std);
    }

    /// <summary>
    /// Normalises [mels, frames] features per band and stacks them into [N, 1, mels, length], cutting
    /// longer clips and padding shorter ones with zeros (the band mean after normalisation).
    /// </summary>
    /// <exception cref="ArgumentException">A feature matrix with another number of bands than the statistics.</exception>
    public static Tensor Stack(IReadOnlyList<float[,]> features, int length, Normalization normalization)
    {
        int mels = normalization.Mean.Length;
        var data = new float[(long)features.Count * mels * length];
        for (int n = 0; n < features.Count; n++)
        {
            var f = features[n];
            if (f.GetLength(0) != mels) throw new ArgumentException($"example {n} has {f.GetLength(0)} mel bands, expected {mels}");
            int copy = Math.Min(length, f.GetLength(1));
            for (int m = 0; m < mels; m++)
            {
                float mean = (float)normalization.Mean[m], scale = (float)(1 / normalization.Std[m]);
                long row = ((long)n * mels + m) * length;
                for (int t = 0; t < copy; t++) data[row + t] = (f[m, t] - mean) * scale;
            }
        }
        return tensor(data).reshape(features.Count, 1, mels, length);
    }
}
