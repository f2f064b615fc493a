using System.CommandLine;
using System.Globalization;
using CompactConv.Pipelines;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv eval</c>: evaluates a run folder's checkpoint and writes metrics.json there.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a trained run on its test split; writes metrics.json into the run folder");
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder written by 'compactconv train'", Required = true };
        var data = new Option<string?>("--data") { Description = "Folder with a full copy of the dataset (default: the one the run used)" };
        var best = new Option<bool>("--best") { Description = "Evaluate the best epoch's weights instead of the last" };
        command.Options.Add(checkpoint);
        command.Options.Add(data);
        command.Options.Add(best);
        CommandRunner.SetAction(command, parse =>
        {
            string folder = parse.GetValue(checkpoint)!;
            var metrics = ImageClassification.Evaluate(folder, parse.GetValue(data), parse.GetValue(best), out string source);
            System.Console.WriteLine($"data: {source}");
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accuracy {metrics.Accuracy:F4} ({metrics.Count} images), macro accuracy {metrics.MacroAccuracy:F4}, loss {metrics.Loss:F4}"));
            for (int c = 0; c < metrics.ClassNames.Count; c++)
            {
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metrics.ClassNames[c],-12} {metrics.PerClassAccuracy[c]:F4}"));
            }
            System.Console.WriteLine($"wrote {Path.Combine(folder, "metrics.json")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
