using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CompactConv.Cli.Rendering;
using CompactConv.Pipelines;
using CompactConv.Reports;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv predict</c>: label and class probabilities of audio files under a scene run, or of images under an image run.</summary>
public static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("predict", "Predict the class of audio files (scene runs) or images (image runs) with a trained run");
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Run folder written by 'compactconv train --task scenes' or '--task image'" };
        var model = new Option<string?>("--model") { Description = "Instead of --checkpoint: an ONNX file written by 'compactconv export' (run by ONNX Runtime)" };
        var json = new Option<bool>("--json") { Description = "Print JSON ([{file, label, probabilities}]) instead of a table" };
        var files = new Argument<string[]>("files")
        {
            Description = "Scene runs: audio files (WAV or OGG); image runs: PNG or JPEG files (resized to the run's input), or IDX files (every image, named FILE#0, FILE#1, ...)",
            Arity = ArgumentArity.OneOrMore,
        };
        var best = new Option<bool>("--best") { Description = "Use the best epoch's weights (highest validation accuracy) instead of the last" };
        command.Options.Add(checkpoint);
        command.Options.Add(model);
        command.Options.Add(best);
        command.Options.Add(json);
        command.Arguments.Add(files);
        CommandRunner.SetAction(command, parse =>
        {
            var (classNames, predictions) = ModelSource.Of(parse, checkpoint, model, best) is { } modelPath
                ? DeployedModelInputs.Predict(modelPath, parse.GetValue(files)!)
                : FromRun(parse.GetValue(checkpoint)!, parse.GetValue(files)!, parse.GetValue(best), GlobalOptions.DeviceOf(parse));
            if (parse.GetValue(json))
            {
                System.Console.WriteLine(JsonSerializer.Serialize(predictions.Select(p => new { file = p.File, label = p.Label, probabilities = p.Probabilities }), RunConfig.JsonOptions));
                return ExitCodes.Success;
            }
            var table = new TextTable().AddColumns(["file", "label", .. classNames]);
            foreach (var p in predictions)
            {
                table.AddRow([Path.GetFileName(p.File), p.Label, .. classNames.Select(c => p.Probabilities[c].ToString("F3", CultureInfo.InvariantCulture))]);
            }
            TableOutput.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static (IReadOnlyList<string> ClassNames, IReadOnlyList<ClassPrediction> Predictions) FromRun(string runFolder, string[] files, bool best, TorchSharp.torch.Device device)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        RunFolderWarning.IfBeingWritten(runFolder);
        var request = new PredictionRequest { RunFolder = runFolder, Files = files, Best = best, Device = device };
        return (config.ClassNames, config.Task switch
        {
            "image" => ImageClassification.Predict(request),
            "scenes" => SceneClassification.Predict(request),
            var task => throw new UsageException($"--checkpoint {runFolder}: predict takes image and scenes runs, not {task} runs (use detect for events)"),
        });
    }
}
