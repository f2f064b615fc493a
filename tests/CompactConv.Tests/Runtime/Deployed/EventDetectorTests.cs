using CompactConv.Audio.Features;
using CompactConv.Events;
using CompactConv.Pipelines;
using CompactConv.Runtime;
using CompactConv.Tests.Pipelines;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Tests.Runtime.Deployed;

/// <summary>The runtime's events on the shared tone run equal <see cref="EventDetection.Detect"/>'s, with nothing but the file.</summary>
[Collection(ToneEventRunCollection.Name)]
public sealed class EventDetectorTests(ToneEventRun tone) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EventsAndFrameProbabilitiesEqualTheTorchSharpPipelines()
    {
        Assert.True(tone.Train.ExitCode == 0, tone.Train.Error);
        string model = _temp.File("events.onnx");
        ModelExport.Export(new ExportRequest { RunFolder = tone.Run, Best = true, OutputPath = model });
        string[] files = tone.TestFiles.Take(6).Select(f => Path.Combine(tone.Data, "audio", "test", f)).ToArray();

        using var detector = EventDetector.Open(model);
        var events = files.SelectMany(f => detector.DetectFile(f)).ToList();
        var expected = EventDetection.Detect(new PredictionRequest { RunFolder = tone.Run, Files = files, Best = true });

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => (e.File, e.Label, Math.Round(e.Onset, 6), Math.Round(e.Offset, 6))),
            events.Select(e => (e.File, e.Label, Math.Round(e.Onset, 6), Math.Round(e.Offset, 6))));

        // Any length: half a clip's log-mel gives TorchSharp's frame probabilities too.
        var logMel = new LogMelSpectrogram(detector.Features).ComputeFile(files[0]);
        int frames = logMel.GetLength(1) / 2;
        var half = new float[logMel.GetLength(0), frames];
        for (int m = 0; m < half.GetLength(0); m++)
            for (int t = 0; t < frames; t++) half[m, t] = logMel[m, t];
        var probabilities = detector.FrameProbabilities(half);
        using var run = TrainedRun.Open(tone.Run, best: true);
        using var scope = NewDisposeScope();
        var torch = PosteriorArrays.ToArray(EventTrainer.PredictFramePosteriors(run.Model, LogMelData.Stack([half], frames, run.Config.Normalization), 1)[0]);
        Assert.Equal(torch.GetLength(0), probabilities.GetLength(0));
        for (int t = 0; t < frames; t++)
            for (int c = 0; c < torch.GetLength(1); c++) Assert.True(Math.Abs(torch[t, c] - probabilities[t, c]) <= 1e-4, $"frame {t}, class {c}");
    }
}
