using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using CompactConv.IO;

namespace CompactConv.Audio.Features;

/// <summary>
/// Log-mel features on disk, one file per (audio file, options) in <see cref="Folder"/>. An entry
/// is valid only while the audio file keeps the size and last-write time it had when the entry
/// was written and the options are the same; anything else, and any damaged entry, reads as a
/// miss so that the caller recomputes. The layout is described in docs/audio-features.md.
/// </summary>
public sealed class FeatureCache
{
    /// <summary>A cache in <paramref name="folder"/>, created on the first write.</summary>
    public FeatureCache(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("feature cache folder must not be empty");
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>Absolute path of the folder holding the entries.</summary>
    public string Folder { get; }

    /// <summary>Where the entry for <paramref name="audioPath"/> under <paramref name="options"/> lives (whether or not it exists).</summary>
    public string EntryPath(string audioPath, LogMelOptions options) =>
        Path.Combine(Folder, new FeatureCacheKey(Path.GetFullPath(audioPath), 0, 0, options.ToJson()).EntryName);

    /// <summary>
    /// The cached features [NMels, Frames] of <paramref name="audioPath"/>; false when the entry is
    /// missing, stale (audio file or options changed), corrupt or unreadable, or the audio file is gone.
    /// </summary>
    public bool TryGet(string audioPath, LogMelOptions options, [MaybeNullWhen(false)] out float[,] features)
    {
        var key = FeatureCacheKey.Of(audioPath, options);
        features = key is null ? null : Read(key);
        return features is not null;
    }

    /// <summary>Stores <paramref name="features"/> [NMels, Frames] for the audio file as it is now, atomically.</summary>
    public void Put(string audioPath, LogMelOptions options, float[,] features)
    {
        var key = FeatureCacheKey.Of(audioPath, options)
            ?? throw new DataException(audioPath, "audio file not found, so its features cannot be cached");
        Write(key, features);
    }

    /// <summary>
    /// Makes sure every file in <paramref name="audioPaths"/> has a valid entry: existing entries
    /// are kept, the others are loaded with <paramref name="loadMono"/> (mono samples at
    /// options.SampleRate), extracted and written, on up to <paramref name="maxParallelism"/>
    /// threads. A file the loader rejects with <see cref="DataException"/> (or an I/O error), or whose
    /// features cannot be made (a signal too short, or features that are not finite), is listed in
    /// the result's Failures and the rest go on. <paramref name="progress"/> gets the
    /// number of files finished so far.
    /// </summary>
    public FeatureCacheFillResult Fill(
        IReadOnlyList<string> audioPaths,
        Func<string, float[]> loadMono,
        LogMelOptions options,
        int maxParallelism,
        IProgress<int>? progress)
    {
        ArgumentNullException.ThrowIfNull(audioPaths);
        ArgumentNullException.ThrowIfNull(loadMono);
        if (maxParallelism < 1) throw new ArgumentException($"parallelism must be at least 1, got {maxParallelism}");
        options.Validate();

        var clock = Stopwatch.StartNew();
        // Duplicates would make two workers write the same entry through the same temporary file.
        var paths = audioPaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();
        var extractor = new LogMelSpectrogram(options);
        int computed = 0, reused = 0, finished = 0;
        long samples = 0;
        var failures = new ConcurrentBag<(int Index, DataException Error)>();

        // One clip per worker, not batches: measured on 2 cores, per-clip extraction on parallel
        // workers beat batched extraction on one thread (see docs/audio-features.md), and loading
        // (decoding, resampling) runs in parallel too.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        try
        {
            Parallel.For(0, paths.Length, parallel, i =>
            {
                var path = paths[i];
                try
                {
                    // The key is taken before loading: if the file changes meanwhile, the entry
                    // written below is stale at the next look-up instead of wrongly fresh.
                    var key = FeatureCacheKey.Of(path, options) ?? throw new DataException(path, "audio file not found");
                    if (Read(key) is not null)
                    {
                        Interlocked.Increment(ref reused);
                    }
                    else
                    {
                        var signal = Load(loadMono, path);
                        Write(key, extractor.Compute(path, signal));
                        Interlocked.Add(ref samples, signal.Length);
                        Interlocked.Increment(ref computed);
                    }
                }
                catch (DataException e)
                {
                    failures.Add((i, e));
                }
                progress?.Report(Interlocked.Increment(ref finished));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        double wall = clock.Elapsed.TotalSeconds;
        double audio = (double)samples / options.SampleRate;
        return new FeatureCacheFillResult(
            computed, reused, wall, audio,
            computed > 0 && wall > 0 ? audio / wall : 0,
            failures.OrderBy(f => f.Index).Select(f => f.Error).ToArray(),
            Folder);
    }

    private static float[] Load(Func<string, float[]> loadMono, string path)
    {
        float[] signal;
        try
        {
            signal = loadMono(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(path, e.Message, e);
        }
        if (signal is null || signal.Length == 0) throw new DataException(path, "no audio samples");
        return signal;
    }

    private float[,]? Read(FeatureCacheKey key)
    {
        var path = Path.Combine(Folder, key.EntryName);
        if (!File.Exists(path)) return null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Missing or unreadable both mean "recompute"; the write that follows reports real trouble.
            return null;
        }
        return FeatureCacheEntry.Decode(bytes, key.Hash);
    }

    private void Write(FeatureCacheKey key, float[,] features)
    {
        var bytes = FeatureCacheEntry.Encode(key.Hash, features);
        // Rename for atomicity but no fsync: a cache entry is not precious (a torn one fails its
        // checksum and is recomputed), and a flush per entry would cost more than the extraction.
        AtomicFile.WriteVia(Path.Combine(Folder, key.EntryName), temp => File.WriteAllBytes(temp, bytes));
    }
}
