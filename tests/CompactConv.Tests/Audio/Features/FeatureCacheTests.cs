using CompactConv.Audio.Features;

namespace CompactConv.Tests.Audio.Features;

public class FeatureCacheTests
{
    private static readonly LogMelOptions Options = new() { SampleRate = 8000, NFft = 256, HopLength = 128, NMels = 16 };

    /// <summary>A stand-in audio file: the cache only looks at its path, size and time stamp.</summary>
    private static string AudioFile(TempFolder temp, string name, int bytes = 100)
    {
        var path = temp.File(name);
        File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }

    private static float[,] Features(int seed)
    {
        return new LogMelSpectrogram(Options).Compute(Signals.TonesAndNoise(8000, 1200, seed));
    }

    [Fact]
    public void Put_ThenTryGet_ReturnsTheSameValues()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var audio = AudioFile(temp, "a.wav");
        Assert.False(cache.TryGet(audio, Options, out _));
        var features = Features(1);
        cache.Put(audio, Options, features);
        Assert.True(cache.TryGet(audio, Options, out var back));
        Assert.Equal(features, back);
        Assert.True(File.Exists(cache.EntryPath(audio, Options)));
    }

    [Fact]
    public void ChangedAudioFile_IsStale_AndPutReplacesTheEntry()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var audio = AudioFile(temp, "a.wav");
        cache.Put(audio, Options, Features(1));

        File.SetLastWriteTimeUtc(audio, File.GetLastWriteTimeUtc(audio).AddSeconds(-5));
        Assert.False(cache.TryGet(audio, Options, out _));

        cache.Put(audio, Options, Features(2));
        Assert.True(cache.TryGet(audio, Options, out var fresh));
        Assert.Equal(Features(2), fresh);
        var stamp = File.GetLastWriteTimeUtc(audio);
        File.WriteAllBytes(audio, new byte[101]); // new content and size
        File.SetLastWriteTimeUtc(audio, stamp);
        Assert.False(cache.TryGet(audio, Options, out _));
        Assert.Single(Directory.GetFiles(cache.Folder));
    }

    [Fact]
    public void DifferentOptions_AreADifferentEntry()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var audio = AudioFile(temp, "a.wav");
        cache.Put(audio, Options, Features(1));
        var other = Options with { TopDb = 60 };
        Assert.NotEqual(cache.EntryPath(audio, Options), cache.EntryPath(audio, other));
        Assert.False(cache.TryGet(audio, other, out _));
        Assert.True(cache.TryGet(audio, Options, out _));
    }

    public static TheoryData<string> Damages => new() { "truncate", "extend", "flip-payload", "flip-magic", "flip-key", "flip-shape", "flip-checksum", "empty", "garbage" };

    [Theory]
    [MemberData(nameof(Damages))]
    public void CorruptEntry_IsAMiss(string damage)
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var audio = AudioFile(temp, "a.wav");
        var features = Features(1);
        cache.Put(audio, Options, features);
        var entry = cache.EntryPath(audio, Options);
        var bytes = File.ReadAllBytes(entry);
        Assert.Equal(52 + 4 * features.Length + 32, bytes.Length);
        void Flip(int at) => bytes[at] ^= 0x10;
        switch (damage)
        {
            case "truncate": bytes = bytes[..^1]; break;
            case "extend": bytes = [.. bytes, 0]; break;
            case "flip-payload": Flip(52 + 4 * 37 + 2); break;
            case "flip-magic": Flip(0); break;
            case "flip-key": Flip(30); break;
            case "flip-shape": Flip(12); break;
            case "flip-checksum": Flip(bytes.Length - 1); break;
            case "empty": bytes = []; break;
            case "garbage": bytes = "not a feature file"u8.ToArray(); break;
        }
        File.WriteAllBytes(entry, bytes);
        Assert.False(cache.TryGet(audio, Options, out _));

        cache.Put(audio, Options, features);
        Assert.True(cache.TryGet(audio, Options, out _));
    }

    [Fact]
    public void EntryWithNonFiniteValues_IsAMiss()
    {
        // Earlier versions cached the features of overflowing audio; read back, they would train on NaN.
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var audio = AudioFile(temp, "a.wav");
        var features = Features(1);
        features[3, 2] = float.PositiveInfinity;
        cache.Put(audio, Options, features);
        Assert.False(cache.TryGet(audio, Options, out _));
        features[3, 2] = float.NaN;
        cache.Put(audio, Options, features);
        Assert.False(cache.TryGet(audio, Options, out _));
    }

    [Fact]
    public void Fill_ComputesMissing_ThenReuses_AndRecomputesChangedFiles()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var paths = Enumerable.Range(0, 4).Select(i => AudioFile(temp, $"clip{i}.wav")).ToArray();
        int loads = 0;
        float[] Load(string path)
        {
            Interlocked.Increment(ref loads);
            return Signals.TonesAndNoise(8000, 4000, seed: int.Parse(Path.GetFileNameWithoutExtension(path)[4..]));
        }
        var progress = new Recorder();

        var first = cache.Fill(paths, Load, Options, maxParallelism: 2, progress);
        Assert.Equal((4, 0, 4), (first.Computed, first.Reused, loads));
        Assert.Equal(4 * 4000 / 8000.0, first.AudioSeconds, 1e-9);
        Assert.True(first.TimesRealTime > 0 && first.WallSeconds > 0);
        Assert.Empty(first.Failures);
        Assert.Equal([1, 2, 3, 4], progress.Values.Order());
        Assert.True(cache.TryGet(paths[2], Options, out var cached));
        Assert.Equal(new LogMelSpectrogram(Options).Compute(Signals.TonesAndNoise(8000, 4000, seed: 2)), cached);

        var second = cache.Fill([.. paths, paths[0]], Load, Options, maxParallelism: 2, null);
        Assert.Equal((0, 4, 4), (second.Computed, second.Reused, loads));
        Assert.Equal(0.0, second.TimesRealTime);

        File.SetLastWriteTimeUtc(paths[1], DateTime.UtcNow.AddMinutes(-3));
        var third = cache.Fill(paths, Load, Options, maxParallelism: 1, null);
        Assert.Equal((1, 3, 5), (third.Computed, third.Reused, loads));
    }

    [Fact]
    public void Fill_ListsBadFiles_AndProcessesTheRest()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        var good = AudioFile(temp, "good.wav");
        var bad = AudioFile(temp, "bad.wav");
        var empty = AudioFile(temp, "empty.wav");
        var missing = temp.File("missing.wav");
        float[] Load(string path) => Path.GetFileName(path) switch
        {
            "bad.wav" => throw new DataException(path, "not a RIFF file"),
            "empty.wav" => [],
            _ => Signals.TonesAndNoise(8000, 2000, seed: 1),
        };

        var result = cache.Fill([bad, good, missing, empty], Load, Options, maxParallelism: 2, null);
        Assert.Equal(1, result.Computed);
        Assert.Equal([bad, missing, empty], result.Failures.Select(f => f.Path));
        Assert.Contains("not a RIFF file", result.Failures[0].Message);
        Assert.True(cache.TryGet(good, Options, out _));
    }

    [Fact]
    public void Fill_BadArguments_Throw()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Folder("cache"));
        Assert.Contains("0", Assert.Throws<ArgumentException>(() => cache.Fill([], _ => [], Options, 0, null)).Message);
        Assert.Throws<ArgumentException>(() => cache.Fill([], _ => [], Options with { NMels = 0 }, 1, null));
        Assert.Throws<ArgumentException>(() => new FeatureCache(" "));
        Assert.Throws<DataException>(() => cache.Put(temp.File("none.wav"), Options, new float[1, 1]));
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Recorder : IProgress<int>
    {
        private readonly List<int> _values = [];
        public IReadOnlyList<int> Values { get { lock (_values) return [.. _values]; } }
        public void Report(int value) { lock (_values) _values.Add(value); }
    }
}
