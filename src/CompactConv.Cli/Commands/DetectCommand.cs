using System.CommandLine;
using CompactConv.Data.Events;
using CompactConv.Pipelines;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv detect</c>: sound events in audio files under a trained event detection run, as an event list TSV.</summary>
public static class DetectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("detect", "Detect sound events in audio files with a trained run; prints (or writes) an event list TSV: filename onset offset event_label");
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Run folder written by 'compactconv train --task events'" };
        var model = new Option<string?>("--model") { Description = "Instead of --checkpoint: an ONNX file written by 'compactconv export' (run by ONNX Runtime, with the post-processing it carries)" };
        var best = new Option<bool>("--best") { Description = "Use the best epoch's weights (highest validation event F1) instead of the last" };
        var output = OutputPaths.File(new Option<string?>("--out") { Description = "Write the TSV to this file instead of printing it" });
        var post = new PostProcessingOptionSet();
        var files = new Argument<string[]>("files") { Description = "Audio files (WAV or OGG)", Arity = ArgumentArity.OneOrMore };
        command.Options.Add(checkpoint);
        command.Options.Add(model);
        command.Options.Add(best);
        command.Options.Add(output);
        post.AddTo(command);
        command.Arguments.Add(files);
        CommandRunner.SetAction(command, parse =>
        {
            var paths = parse.GetValue(files)!;
            var events = ModelSource.Of(parse, checkpoint, model, best) is { } modelPath
                ? DeployedModelInputs.Detect(modelPath, paths, own => post.Parse(parse, own))
                : FromRun(parse, parse.GetValue(checkpoint)!, paths, post, parse.GetValue(best));
            var names = paths.Select(Path.GetFileName).OfType<string>();
            if (parse.GetValue(output) is { } path)
            {
                EventListTsv.Write(path, events, names);
                System.Console.WriteLine($"wrote {events.Count} events in {paths.Length} files to {path}");
            }
            else
            {
                System.Console.Write(EventListTsv.Format(events, names));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<SoundEvent> FromRun(ParseResult parse, string runFolder, string[] paths, PostProcessingOptionSet post, bool best)
    {
        var config = RunConfig.Load(Path.Combine(runFolder, "config.json"));
        RunFolderWarning.IfBeingWritten(runFolder);
        if (config.Task != "events") throw new UsageException($"--checkpoint {runFolder} is a {config.Task} run; detect needs a --task events run (use predict for scenes)");
        var options = post.Parse(parse, EventDetection.PostProcessingOf(config));
        return EventDetection.Detect(new PredictionRequest { RunFolder = runFolder, Files = paths, Best = best, Device = GlobalOptions.DeviceOf(parse) }, options);
    }
}
