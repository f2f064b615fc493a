using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using CompactConv.Cli.Rendering;
using CompactConv.Complexity;
using CompactConv.Models;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv summary</c>: per-layer cost table of a registered model, then <c>params=N macs=N</c>.</summary>
public static class SummaryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("summary", "Per-layer output shapes, parameters, MACs and memory of a model");
        var model = new ModelOptions();
        model.AddTo(command);
        var input = new Option<string>("--input") { Description = "Per-sample input shape CxHxW", DefaultValueFactory = _ => "1x28x28" };
        var classes = new Option<int>("--classes") { Description = "Number of output classes", DefaultValueFactory = _ => 10 };
        command.Options.Add(input);
        command.Options.Add(classes);
        CommandRunner.SetAction(command, parse =>
        {
            int[] shape = ShapeForm.ChannelsHeightWidth.Parse("--input", parse.GetValue(input)!);
            int numClasses = parse.GetValue(classes);
            if (numClasses < 1) throw new UsageException($"--classes must be at least 1, got {numClasses}");
            var spec = model.ToSpec(parse, shape, numClasses);
            using var network = ModelRegistry.Create(spec);
            CostReport report;
            try
            {
                report = ModelCost.Measure(network, shape.Select(d => (long)d).ToArray());
            }
            catch (ExternalException e)
            {
                // libtorch refuses inputs the model cannot take (too small for its pooling, too large to allocate).
                throw new UsageException($"--input {parse.GetValue(input)}: {spec.Name} cannot run on this input: {CommandRunner.OneLine(e)}");
            }
            System.Console.WriteLine($"{spec.Name} {spec.ConvLabel}, input {string.Join('x', shape)}");
            TableOutput.Write(report.ToTextTable());
            foreach (var line in report.MemoryLines()) System.Console.WriteLine(line);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Convolution parameters (convolutions and their BatchNorms): {ModelCost.ConvolutionParameters(network):N0}"));
            System.Console.WriteLine(report.ToSummaryLine());
            return ExitCodes.Success;
        });
        return command;
    }
}
