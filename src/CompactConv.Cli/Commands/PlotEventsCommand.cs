using System.CommandLine;
using CompactConv.Data.Events;
using CompactConv.Metrics.Sed;
using CompactConv.Reports;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv plot-events</c>: an event-roll PNG of one file's reference and estimated events.</summary>
public static class PlotEventsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("plot-events", "Event roll of one file: per class, the reference events above the estimated ones (PNG)");
        var reference = EventListOptions.Reference();
        var estimate = EventListOptions.Estimate();
        var file = new Option<string>("--file") { Description = "The audio file to show, as named in the lists", Required = true };
        var output = OutputPaths.File(new Option<string>("--out") { Description = "PNG file to write", Required = true });
        foreach (var option in new Option[] { reference, estimate, file, output }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            string referencePath = parse.GetValue(reference)!, estimatePath = parse.GetValue(estimate)!, name = parse.GetValue(file)!;
            var referenceList = EventListTsv.Read(referencePath);
            var estimateList = EventListTsv.Read(estimatePath);
            if (!referenceList.Files.Contains(name) && !estimateList.Files.Contains(name))
                throw new DataException(referencePath, $"names no file '{name}', and neither does {estimatePath}");
            // The labels of both whole lists, so every file's plot has the same rows.
            var labels = SedEvaluation.LabelsOf(referenceList, estimateList);
            string outPath = parse.GetValue(output)!;
            EventRollPlot.WritePng(outPath, name, referenceList.Events, estimateList.Events, labels);
            Console.WriteLine($"wrote {outPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
