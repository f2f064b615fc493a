using System.Globalization;
using System.Text.Json;
using CompactConv.Audio.Features;
using CompactConv.Deployment;
using CompactConv.Events;
using CompactConv.Pipelines;
using CompactConv.Tests.Cli;
using CompactConv.Training;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// <c>export</c> on the shared events run: the file takes un-normalised log-mel of any length, returns the frame
/// probabilities TorchSharp computes, and its metadata alone (front end, post-processing, frame step) turns
/// them into the events <c>detect</c> finds.
/// </summary>
[Collection(ToneEventRunCollection.Name)]
public sealed class EventExportTests(ToneEventRun tone) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheExportedEventModelIsSelfDescribingAndAgreesWithDetect()
    {
        Assert.True(tone.Train.ExitCode == 0, tone.Train.Error);
        string model = _temp.File("events.onnx");
        var export = CliHarness.Run("export", "--checkpoint", tone.Run, "--best", "--out", model);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("output frame_probabilities", export.Out);

        using var session = new InferenceSession(model);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("events", metadata[ModelMetadataKeys.Task]);
        var features = JsonSerializer.Deserialize<LogMelOptions>(metadata[ModelMetadataKeys.Features], RunConfig.JsonOptions)!;
        var post = JsonSerializer.Deserialize<PostProcessingOptions>(metadata[ModelMetadataKeys.PostProcessing], RunConfig.JsonOptions)!;
        var classes = JsonSerializer.Deserialize<string[]>(metadata[ModelMetadataKeys.Classes])!;
        double hop = double.Parse(metadata[ModelMetadataKeys.FrameSeconds], CultureInfo.InvariantCulture);

        // Two clip lengths: the frame dimension is symbolic.
        string clip = Path.Combine(tone.Data, "audio", "test", "test-000.wav");
        var logMel = new LogMelSpectrogram(features).ComputeFile(clip);
        using var run = TrainedRun.Open(tone.Run, best: true);
        foreach (int frames in new[] { logMel.GetLength(1), logMel.GetLength(1) / 2 })
        {
            var part = new float[logMel.GetLength(0), frames];
            for (int m = 0; m < part.GetLength(0); m++)
                for (int t = 0; t < frames; t++) part[m, t] = logMel[m, t];
            var probabilities = Onnx(session, part);

            using var scope = NewDisposeScope();
            var expected = PosteriorArrays.ToArray(EventTrainer.PredictFramePosteriors(run.Model, LogMelData.Stack([part], frames, run.Config.Normalization), 1)[0]);
            Assert.Equal(expected.GetLength(0), probabilities.GetLength(0));
            for (int t = 0; t < frames; t++)
                for (int c = 0; c < classes.Length; c++) Assert.True(Math.Abs(expected[t, c] - probabilities[t, c]) <= 1e-4, $"frame {t}, class {c}: {expected[t, c]} vs {probabilities[t, c]}");

            if (frames != logMel.GetLength(1)) continue;
            var events = EventDecoder.Decode(probabilities, hop, classes, Path.GetFileName(clip), post);
            var detected = EventDetection.Detect(new PredictionRequest { RunFolder = tone.Run, Files = [clip], Best = true });
            Assert.Equal(detected.Select(e => (e.Label, Math.Round(e.Onset, 6), Math.Round(e.Offset, 6))),
                events.Select(e => (e.Label, Math.Round(e.Onset, 6), Math.Round(e.Offset, 6))));
        }
    }

    [Fact]
    public void DetectOnTheExportedFileGivesTheRunsEvents()
    {
        Assert.True(tone.Train.ExitCode == 0, tone.Train.Error);
        string model = _temp.File("events.onnx");
        Assert.Equal(0, CliHarness.Run("export", "--checkpoint", tone.Run, "--best", "--out", model).ExitCode);
        string[] clips = [.. Enumerable.Range(0, 4).Select(n => Path.Combine(tone.Data, "audio", "test", $"test-{n:000}.wav"))];

        var fromRun = CliHarness.Run(["detect", "--checkpoint", tone.Run, "--best", "--min-event", "0.1", .. clips]);
        var fromFile = CliHarness.Run(["detect", "--model", model, "--min-event", "0.1", .. clips]);

        Assert.True(fromFile.ExitCode == 0, fromFile.Error);
        Assert.Equal(fromRun.Out, fromFile.Out);
        Assert.Contains("test-003.wav", fromFile.Out);
        var withBest = CliHarness.Run(["detect", "--model", model, "--best", clips[0]]);
        Assert.Equal(2, withBest.ExitCode);
    }

    // The model's frame probabilities [frames, classes] for one clip's log-mel [mels, frames], as a user of the file computes them.
    private static float[,] Onnx(InferenceSession session, float[,] logMel)
    {
        int mels = logMel.GetLength(0), frames = logMel.GetLength(1);
        var input = new DenseTensor<float>([1, 1, mels, frames]);
        for (int m = 0; m < mels; m++)
            for (int t = 0; t < frames; t++) input[0, 0, m, t] = logMel[m, t];
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelExport.LogMelInput, input)]);
        var output = results.Single(r => r.Name == ModelExport.FrameProbabilitiesOutput).AsTensor<float>();
        var probabilities = new float[output.Dimensions[1], output.Dimensions[2]];
        for (int t = 0; t < probabilities.GetLength(0); t++)
            for (int c = 0; c < probabilities.GetLength(1); c++) probabilities[t, c] = output[0, t, c];
        return probabilities;
    }
}
