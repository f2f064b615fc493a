using System.CommandLine;
using System.Globalization;
using CompactConv.Cli.Rendering;
using CompactConv.Pipelines;
using CompactConv.Training;
using CompactConv.Reports;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv demo</c>: the main job (see <see cref="Demo"/>).</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Train and compare smallcnn with standard, separable and compact convolutions on Fashion-MNIST");
        var quick = new Option<bool>("--quick") { Description = "A class-balanced 4,000 training-split images (10 % of them held out for validation) and 1,000 test images, two epochs of batch 64, no width-2 row" };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var data = new Option<string?>("--data") { Description = "Folder with a full copy of Fashion-MNIST (IDX files)" };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs of every run (default 3, or 2 with --quick)" };
        command.Options.Add(quick);
        command.Options.Add(output);
        command.Options.Add(data);
        var seed = new Option<int>("--seed") { Description = "Seed of every run (repeat the demo with other seeds and other --out folders to see the spread)", DefaultValueFactory = _ => 0 };
        command.Options.Add(epochs);
        command.Options.Add(seed);
        CommandRunner.SetAction(command, parse =>
        {
            int? epochCount = parse.GetValue(epochs);
            if (epochCount < 1) throw new UsageException($"--epochs must be at least 1, got {epochCount}");
            var options = new DemoOptions
            {
                Quick = parse.GetValue(quick),
                Seed = parse.GetValue(seed),
                OutDir = parse.GetValue(output)!,
                DataDir = parse.GetValue(data),
                Epochs = epochCount,
            };
            System.Console.WriteLine(Demo.Describe(options));
            var results = ProgressRenderer.Session(observerFor => Demo.Run(options, new ConsoleDemoObserver(observerFor)));
            var table = new TextTable().AddColumns("conv", "op", "r", "width", "params", "MACs", "best epoch", "val acc", "test acc", "ms/image [p10-p90]", "vs standard [p10-p90]");
            foreach (var r in results)
            {
                table.AddRow(r.Conv, r.Op, r.R.ToString(CultureInfo.InvariantCulture), r.Width.ToString(CultureInfo.InvariantCulture), r.Params.ToString("N0", CultureInfo.InvariantCulture),
                    r.Macs.ToString("N0", CultureInfo.InvariantCulture), r.BestEpoch.ToString(CultureInfo.InvariantCulture),
                    (100 * r.ValidationAccuracy).ToString("F2", CultureInfo.InvariantCulture) + " %",
                    (100 * r.TestAccuracy).ToString("F2", CultureInfo.InvariantCulture) + " %",
                    r.MsPerImage.Format(4), r.TimeVsStandard.Format(3));
            }
            TableOutput.Write(table);
            System.Console.WriteLine($"wrote {Path.Combine(options.OutDir, "results.csv")} and {Path.Combine(options.OutDir, "report.md")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private sealed class ConsoleDemoObserver(Func<string, ITrainingObserver> observerFor) : IDemoObserver
    {
        public void DataLoaded(string source, long trainCount, long testCount) =>
            System.Console.WriteLine($"data: {source}");

        public ITrainingObserver ForRun(string label) => observerFor(label);

        public void TimingRound(int done, int total) => System.Console.WriteLine($"timing inference: round {done}/{total}");

        public void Note(string line) => System.Console.WriteLine(line);
    }
}
