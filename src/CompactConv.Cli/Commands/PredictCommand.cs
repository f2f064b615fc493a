using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CompactConv.Pipelines;
using CompactConv.Training;
using Spectre.Console;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv predict</c>: scene label and class probabilities of audio files under a trained run.</summary>
public static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("predict", "Predict the scene of audio files with a trained run");
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder written by 'compactconv train --task scenes'", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var files = new Argument<string[]>("files") { Description = "Audio files (WAV or OGG)", Arity = ArgumentArity.OneOrMore };
        command.Options.Add(checkpoint);
        command.Options.Add(json);
        command.Arguments.Add(files);
        CommandRunner.SetAction(command, parse =>
        {
            var predictions = SceneClassification.Predict(parse.GetValue(checkpoint)!, parse.GetValue(files)!);
            if (parse.GetValue(json))
            {
                System.Console.WriteLine(JsonSerializer.Serialize(predictions.Select(p => new { file = p.File, label = p.Label, probabilities = p.Probabilities }), RunConfig.JsonOptions));
                return ExitCodes.Success;
            }
            var classes = predictions[0].Probabilities.Keys.ToArray();
            var table = new Table().AddColumn("file").AddColumn("label");
            foreach (var name in classes) table.AddColumn(Markup.Escape(name));
            foreach (var p in predictions)
            {
                table.AddRow([Markup.Escape(Path.GetFileName(p.File)), Markup.Escape(p.Label), .. classes.Select(c => p.Probabilities[c].ToString("F3", CultureInfo.InvariantCulture))]);
            }
            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
