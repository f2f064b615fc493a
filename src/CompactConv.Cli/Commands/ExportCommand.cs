using System.CommandLine;
using System.Globalization;
using CompactConv.Onnx;
using CompactConv.Pipelines;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv export</c>: a trained run as a self-describing ONNX file (docs/deployment.md).</summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("export", "Export a trained run as an ONNX file: normalisation inside the graph, class names and input description in its metadata");
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder written by 'compactconv train'", Required = true };
        var best = new Option<bool>("--best") { Description = "Export the best epoch's weights (chosen on validation data) instead of the last" };
        var output = OutputPaths.File(new Option<string>("--out") { Description = "The ONNX file to write", Required = true });
        var opset = new Option<int>("--opset")
        {
            Description = $"ONNX opset, {OnnxExportOptions.MinOpset} to {OnnxExportOptions.MaxOpset}",
            DefaultValueFactory = _ => OnnxExportOptions.Default.Opset,
        };
        command.Options.Add(checkpoint);
        command.Options.Add(best);
        command.Options.Add(output);
        command.Options.Add(opset);
        CommandRunner.SetAction(command, parse =>
        {
            int version = parse.GetValue(opset);
            string runFolder = parse.GetValue(checkpoint)!;
            RunFolderWarning.IfBeingWritten(runFolder);
            var result = ModelExport.Export(new ExportRequest
            {
                RunFolder = runFolder, Best = parse.GetValue(best), OutputPath = parse.GetValue(output)!, Opset = version,
            });
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {result.Path} ({result.Bytes / 1024.0:F1} KB, opset {version}, {result.Task} run, {(parse.GetValue(best) ? "best" : "last")} epoch)"));
            System.Console.WriteLine($"input {result.Input}");
            System.Console.WriteLine($"output {result.Output}");
            return ExitCodes.Success;
        });
        return command;
    }
}
