using CompactConv.Data.Events;
using CompactConv.Data.Images;
using CompactConv.Events;
using CompactConv.Pipelines;
using CompactConv.Runtime;

namespace CompactConv.Cli.Commands;

/// <summary>
/// <c>predict</c> and <c>detect</c> on an exported file (<c>--model MODEL.onnx</c>) instead of a run folder: the
/// same input files, read the same way, through CompactConv.Runtime (ONNX Runtime, no TorchSharp model), and the
/// same records out, so that the command renders both alike.
/// </summary>
internal static class DeployedModelInputs
{
    /// <summary>Class probabilities of each file (images for an image model, audio for a scene model).</summary>
    public static (IReadOnlyList<string> ClassNames, IReadOnlyList<ClassPrediction> Predictions) Predict(string modelPath, IReadOnlyList<string> files)
    {
        // Opened once: the classifier takes the session over.
        var model = DeployedModel.Open(modelPath);
        switch (model.Task)
        {
            case "image":
            {
                using var classifier = ImageClassifier.For(model);
                int size = classifier.Channels * classifier.Height * classifier.Width;
                // The same reading as the run-folder path: resized and made grey or RGB to the model's input; IDX files give every image.
                var inputs = ImageInputFiles.Read(files, classifier.Channels, classifier.Height, classifier.Width);
                return (classifier.ClassNames, [.. inputs.Names.Select((name, i) => Prediction(name, classifier.Classify(inputs.Pixels.AsSpan(i * size, size))))]);
            }
            case "scenes":
            {
                using var classifier = SceneClassifier.For(model);
                return (classifier.ClassNames, [.. files.Select(file => Prediction(file, classifier.ClassifyFile(file)))]);
            }
            default:
                string task = model.Task;
                model.Dispose();
                throw new UsageException($"--model {modelPath}: predict takes image and scenes models, not {task} models (use detect for events)");
        }
    }

    /// <summary>The events in each audio file, with <paramref name="postProcessing"/> built on the file's own (the command's overrides applied).</summary>
    public static IReadOnlyList<SoundEvent> Detect(string modelPath, IReadOnlyList<string> files, Func<PostProcessingOptions, PostProcessingOptions> postProcessing)
    {
        var model = DeployedModel.Open(modelPath);
        if (model.Task is var task && task != "events")
        {
            model.Dispose();
            throw new UsageException($"--model {modelPath} is a {task} model; detect needs an events model (use predict for scenes)");
        }
        using var detector = EventDetector.For(model);
        var options = postProcessing(detector.PostProcessing);
        return [.. files.SelectMany(file => detector.DetectFile(file, options))];
    }

    private static ClassPrediction Prediction(string file, Classification answer) =>
        new(file, answer.Label, answer.ClassNames.Select((name, c) => (name, (double)answer.Probabilities[c])).ToDictionary(p => p.name, p => p.Item2));
}
