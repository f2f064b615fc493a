using CompactConv.Audio;
using CompactConv.Audio.Features;
using CompactConv.Data.Events;
using CompactConv.Pipelines;
using CompactConv.Tests.Audio.Synthesis;
using static CompactConv.Tests.Data.Events.EventFixtures;
using static TorchSharp.torch;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// Event data on a tiny tsv set at 8 kHz, n_fft 256, hop 128 (16 ms), 16 mels: a 1 s clip has
/// 1 + 8000 / 128 = 63 frames, frame t covering [0.016 t, 0.016 (t + 1)) s.
/// </summary>
public sealed class EventTaskDataTests : IDisposable
{
    private const int SampleRate = 8000;

    private static readonly LogMelOptions FrontEnd = new() { SampleRate = SampleRate, NFft = 256, HopLength = 128, NMels = 16 };

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private void Wav(string name, double seconds, float level = 0.1f) => WriteWav(Root, $"audio/{name}", seconds, level, SampleRate);

    private void WriteSet()
    {
        WriteLines(Root, "train.tsv", "filename\tonset\toffset\tevent_label",
            "a.wav\t0.256\t0.512\tbird", "b.wav\t0\t0.1\tcar", "c.wav\t\t\t", "d.wav\t0.9\t1.5\tbird");
        WriteEventList(Root, "validate.tsv", "v.wav 0.5 0.6 car");
        WriteEventList(Root, "test.tsv", "t.wav 0.016 0.032 bird");
        Wav("a.wav", 1.0);
        Wav("b.wav", 0.5);
        Wav("c.wav", 1.0);
        Wav("d.wav", 1.0);
        Wav("v.wav", 1.0, 0.5f);
        Wav("t.wav", 1.2, 0.9f); // louder and longer than anything in training
    }

    private static void WriteLines(string root, string relative, params string[] lines) =>
        Data.Audio.AudioFixtures.WriteLines(root, relative, lines);

    private AudioDataRequest Request(double? clipSeconds = null, bool skipBad = false, IReadOnlyList<EventSplitFile>? splitFiles = null) => new()
    {
        Dataset = "tsv",
        DataDir = Root,
        Features = FrontEnd,
        CacheDir = _temp.File("cache"),
        Parallelism = 1,
        ClipSeconds = clipSeconds,
        SkipBad = skipBad,
        SplitFiles = splitFiles,
        IncludeTest = true,
    };

    private static int[] Active(Tensor frameTargets, int clip, int c) =>
        Enumerable.Range(0, (int)frameTargets.shape[1]).Where(t => frameTargets[clip, t, c].item<float>() == 1).ToArray();

    private static float[] Row(Tensor t, int n) => t[n].data<float>().ToArray();

    [Fact]
    public void SplitsBecomeInputsFrameAndClipTargetsOnTheLogMelGrid()
    {
        WriteSet();

        using var data = EventTaskData.Load(Request());

        Assert.Equal(["bird", "car"], data.ClassNames);
        Assert.Equal([1, 16, 63], data.InputShape);
        Assert.Equal(63, data.Frames);
        Assert.Equal(0.016, data.Targets.HopSeconds, 12);
        Assert.Equal([4L, 1, 16, 63], data.Train.Inputs.shape);
        Assert.Equal([4L, 63, 2], data.Train.FrameTargets.shape);
        Assert.Equal([4L, 2], data.Train.ClipTargets.shape);
        Assert.Equal(Enumerable.Range(16, 16), Active(data.Train.FrameTargets, 0, 0)); // a: [0.256, 0.512) = frames 16-31
        Assert.Empty(Active(data.Train.FrameTargets, 0, 1));
        Assert.Equal(Enumerable.Range(0, 7), Active(data.Train.FrameTargets, 1, 1));   // b: 0.1 / 0.016 = 6.25, so frames 0-6
        Assert.Empty(Active(data.Train.FrameTargets, 2, 0).Concat(Active(data.Train.FrameTargets, 2, 1)));
        Assert.Equal(Enumerable.Range(56, 7), Active(data.Train.FrameTargets, 3, 0));  // d: cut at 1 s, 0.9 / 0.016 = 56.25 to the last frame, 62
        Assert.Equal([1f, 0f], Row(data.Train.ClipTargets, 0));
        Assert.Equal([0f, 1f], Row(data.Train.ClipTargets, 1));
        Assert.Equal([0f, 0f], Row(data.Train.ClipTargets, 2));
        Assert.Equal([1f, 0f], Row(data.Train.ClipTargets, 3));
        Assert.Equal([true, true, true, true], data.Train.Strong.data<bool>().ToArray());

        Assert.Equal(["a.wav", "b.wav", "c.wav", "d.wav"], data.Train.Files);
        Assert.Equal([1.0, 0.5, 1.0, 1.0], data.Train.Durations);
        Assert.Equal([Event("a.wav", 0.256, 0.512, "bird"), Event("b.wav", 0, 0.1, "car"), Event("d.wav", 0.9, 1.0, "bird")], data.Train.Events);
        Assert.Equal(["v.wav"], data.Validation.Files);
        Assert.Equal([1], Active(data.Test.FrameTargets, 0, 0));
        Assert.Equal([1.2], data.Test.Durations);
        Assert.Contains("1 test clip(s) are longer than 63 frames (1.008 s) and were cut; events after that cannot be detected", data.Notes);
        Assert.Contains("train.tsv: d.wav event 0.9-1.5 s: ends at 1.5 s, after the clip's end (1 s); cut at the end", data.Notes);
        Assert.StartsWith($"event lists in {Root} (audio in audio): 4 train / 1 validation / 1 test clips, 2 classes: 4 / 1 / 1 clips decoded", data.Source);
        Assert.Equal(6, data.Extraction.Computed);
    }

    [Fact]
    public void BandsAreNormalisedWithTrainingStatisticsAndShortClipsPaddedWithZeros()
    {
        WriteSet();

        using var data = EventTaskData.Load(Request());

        var extractor = new LogMelSpectrogram(FrontEnd);
        var features = new[] { "a.wav", "b.wav", "c.wav", "d.wav" }
            .Select(f => extractor.Compute(AudioReader.Read(Path.Combine(Root, "audio", f)).Channels[0])).ToList();
        using (NewDisposeScope())
        {
            var expected = BandNormalizer.Fit(features.Select(f => tensor(f)));
            Assert.Equal(expected.Mean, data.Normalization.Mean);
            Assert.Equal(expected.Std, data.Normalization.Std);
        }
        float first = (float)((features[0][3, 10] - data.Normalization.Mean[3]) / data.Normalization.Std[3]);
        Assert.Equal(first, data.Train.Inputs[0, 0, 3, 10].item<float>(), 5);
        Assert.Equal(32, features[1].GetLength(1)); // b is 0.5 s: 1 + 4000 / 128 frames
        Assert.Equal(0f, data.Train.Inputs[1, 0].narrow(1, 32, 31).abs().max().item<float>());
        Assert.NotEqual(0f, data.Train.Inputs[1, 0, 5, 31].item<float>());
    }

    [Fact]
    public void AGivenClipLengthCutsInputsAndTargetsAlike()
    {
        WriteSet();

        using var data = EventTaskData.Load(Request(clipSeconds: 0.5));

        Assert.Equal(32, EventTaskData.FrameCount(0.5, FrontEnd));
        Assert.Equal([1, 16, 32], data.InputShape);
        Assert.Equal([4L, 32, 2], data.Train.FrameTargets.shape);
        Assert.Equal([0f, 0f], Row(data.Train.ClipTargets, 3)); // d's event starts after the cut
        Assert.Equal([1.0, 0.5, 1.0, 1.0], data.Train.Durations); // the audio's own length
        Assert.Contains("3 train clip(s) are longer than 32 frames (0.512 s) and were cut; events after that cannot be detected", data.Notes);

        using var saved = EventTaskData.Load(Request(), normalization: data.Normalization, frames: 40);
        Assert.Equal(40, saved.Frames);
        Assert.Same(data.Normalization, saved.Normalization);
        Assert.Equal(0, saved.Extraction.Computed);
        Assert.Equal(6, saved.Extraction.Reused);
        Assert.Equal(431, EventTaskData.FrameCount(10, new LogMelOptions()));
    }

    [Fact]
    public void WeakClipsHaveClipTargetsOnly()
    {
        WriteSet();
        WriteLines(Root, "weak.tsv", "filename\tevent_labels", "w.wav\tcar");
        WriteWav(Root, "weak/w.wav", 0.5, 0.1f, SampleRate);
        EventSplitFile[] files =
        [
            new(EventSplit.Train, "train.tsv", "audio"),
            new(EventSplit.Train, "weak.tsv", "weak", Weak: true),
            new(EventSplit.Validation, "validate.tsv", "audio"),
            new(EventSplit.Test, "test.tsv", "audio"),
        ];

        using var data = EventTaskData.Load(Request(splitFiles: files) with { Dataset = "desed" });

        Assert.Equal("w.wav", data.Train.Files[4]);
        Assert.Equal([true, true, true, true, false], data.Train.Strong.data<bool>().ToArray());
        Assert.Equal(0f, data.Train.FrameTargets[4].abs().sum().item<float>());
        Assert.Equal([0f, 1f], Row(data.Train.ClipTargets, 4));
        Assert.DoesNotContain(data.Train.Events, e => e.File == "w.wav");
    }

    [Fact]
    public void TrainingLeavesTheTestSplitUnread()
    {
        WriteSet();
        // A test clip that cannot be decoded fails any load that reads it.
        TestWav.Write(Path.Combine(Root, "audio", "t.wav"), [0.1f, float.NaN, .. new float[2000]], SampleRate, float32: true);

        using var data = EventTaskData.Load(Request() with { IncludeTest = false });

        Assert.Equal(0, data.Test.Count);
        Assert.Equal(1, data.Validation.Count);
        Assert.Contains("(unread) clips decoded", data.Source);
        Assert.Throws<DataException>(() => EventTaskData.Load(Request()));
    }

    [Fact]
    public void UndecodableAudioFailsNamingSkipBadOrIsLeftOut()
    {
        WriteSet();
        string broken = Path.Combine(Root, "audio", "c.wav");
        TestWav.Write(broken, [0.1f, float.NaN, 0.2f, .. new float[2000]], SampleRate, float32: true);

        var error = Assert.Throws<DataException>(() => EventTaskData.Load(Request()));
        Assert.Equal(Root, error.Path);
        Assert.Contains(broken, error.Message);
        Assert.Contains("leave them out with AudioDataRequest.SkipBad", error.Message);

        using var data = EventTaskData.Load(Request(skipBad: true));
        Assert.Equal(["a.wav", "b.wav", "d.wav"], data.Train.Files);
        Assert.Contains(data.Notes, n => n.StartsWith($"skipped {broken}: ", StringComparison.Ordinal));
    }

    [Fact]
    public void BadRequestsAreRejected()
    {
        WriteSet();
        Assert.Throws<ArgumentException>(() => EventTaskData.Load(Request(clipSeconds: 0)));
        Assert.Throws<ArgumentException>(() => EventTaskData.Load(Request(clipSeconds: double.NaN)));
        Assert.Throws<ArgumentException>(() => EventTaskData.Load(Request(), frames: 0));
        Assert.Throws<ArgumentException>(() => EventTaskData.Load(Request() with { Features = FrontEnd with { HopLength = 0 } }));
    }
}
