using System.CommandLine;
using CompactConv.Cli.Rendering;
using CompactConv.Pipelines;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv features</c>: fills the feature cache of a dataset and reports the speed in times real time.</summary>
public static class FeaturesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("features", "Compute (or reuse) the log-mel features of a dataset and print the throughput in times real time");
        var dataset = new Option<string>("--dataset") { Description = "tau2019, tau2020, esc50, urbansound8k or folders", Required = true };
        var data = new Option<string>("--data") { Description = "Dataset folder", Required = true };
        var audio = new AudioOptions();
        command.Options.Add(dataset);
        command.Options.Add(data);
        audio.AddDataOptionsTo(command);
        CommandRunner.SetAction(command, parse =>
        {
            var request = audio.Request(parse, parse.GetValue(dataset)!, parse.GetValue(data)!, seed: 0);
            using var taskData = FeatureProgress.Run("features", progress => SceneTaskData.Load(request with { IncludeTest = true }, progress));
            System.Console.WriteLine($"data: {OptionFlags.ToFlags(taskData.Source)}");
            foreach (var note in taskData.Notes.Take(20)) System.Console.WriteLine($"note: {note}");
            System.Console.WriteLine(FeatureProgress.Describe(taskData.Extraction));
            return ExitCodes.Success;
        });
        return command;
    }
}
