using System.CommandLine;
using System.Globalization;
using CompactConv.Metrics;
using CompactConv.Pipelines;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv eval</c>: evaluates a run folder's checkpoint and writes metrics.json there.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a trained run on its test split; writes metrics.json (and, for audio, confusion.csv/.png) into the run folder");
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder written by 'compactconv train'", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: the one the run used)" };
        var best = new Option<bool>("--best") { Description = "Evaluate the best epoch's weights instead of the last" };
        var cache = new Option<string?>("--cache") { Description = "Feature cache folder for audio runs" };
        command.Options.Add(checkpoint);
        command.Options.Add(data);
        command.Options.Add(best);
        command.Options.Add(cache);
        CommandRunner.SetAction(command, parse =>
        {
            string folder = parse.GetValue(checkpoint)!;
            var config = RunConfig.Load(Path.Combine(folder, "config.json"));
            ClassificationMetrics metrics;
            string source;
            IReadOnlyDictionary<string, double>? byDevice = null;
            if (config.Task == "scenes")
            {
                metrics = SceneClassification.Evaluate(folder, parse.GetValue(data), parse.GetValue(cache), parse.GetValue(best), out var devices, out source);
                byDevice = devices;
            }
            else
            {
                metrics = ImageClassification.Evaluate(folder, parse.GetValue(data), parse.GetValue(best), out source);
            }
            Print(metrics, source, byDevice);
            System.Console.WriteLine($"wrote {Path.Combine(folder, "metrics.json")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(ClassificationMetrics metrics, string source, IReadOnlyDictionary<string, double>? byDevice)
    {
        System.Console.WriteLine($"data: {source}");
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accuracy {metrics.Accuracy:F4} ({metrics.Count} examples), macro accuracy {metrics.MacroAccuracy:F4}, log-loss {metrics.Loss:F4}"));
        for (int c = 0; c < metrics.ClassNames.Count; c++)
        {
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metrics.ClassNames[c],-20} {metrics.PerClassAccuracy[c]:F4}"));
        }
        if (byDevice is { Count: > 0 })
        {
            System.Console.WriteLine("device-wise accuracy:");
            foreach (var (device, accuracy) in byDevice) System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {device,-20} {accuracy:F4}"));
        }
    }
}
