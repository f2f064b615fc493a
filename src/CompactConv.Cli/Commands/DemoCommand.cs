using System.CommandLine;
using System.Globalization;
using CompactConv.Audio.Synthesis;
using CompactConv.Cli.Rendering;
using CompactConv.Pipelines;
using CompactConv.Training;
using CompactConv.Reports;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv demo</c>: the main job (see <see cref="Demo"/>), or an audio demo (<see cref="AudioDemo"/>).</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("demo", "Train and compare standard, separable and compact convolutions: smallcnn on Fashion-MNIST, or with --task scenes|events on soundscapes made from the embedded audio samples");
        var task = new Option<string>("--task") { Description = "image (Fashion-MNIST), scenes (acoustic scenes) or events (sound event detection)", DefaultValueFactory = _ => "image" };
        var quick = new Option<bool>("--quick") { Description = "A short version: image a class-balanced 4,000 training-split images (10 % of them held out for validation), 1,000 test images, two epochs of batch 64, no width-2 row; audio fewer epochs, baseline and compact(max) only" };
        var output = OutputPaths.Folder(new Option<string?>("--out") { Description = "Output folder (default runs/demo, runs/demo-scenes or runs/demo-events)" });
        var data = new Option<string?>("--data") { Description = "image: folder with a full copy of Fashion-MNIST (IDX files); audio: a sample folder laid out as data/audio-samples" };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs of every run (image: default 3, or 2 with --quick; audio: default scenes 30, events 15; 10 with --quick)" };
        var soundscapes = new Option<int?>("--soundscapes") { Description = "audio: soundscapes to synthesise (default: the spec's count)" };
        var seed = new Option<int>("--seed") { Description = "Seed of every run (repeat the demo with other seeds and other --out folders to see the spread)", DefaultValueFactory = _ => 0 };
        foreach (var option in new Option[] { task, quick, output, data, epochs, soundscapes, seed }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            string taskName = parse.GetValue(task)!;
            TaskOptionCheck.RefuseForTask(parse, taskName);
            if (parse.GetValue(epochs) is < 1) throw new UsageException($"--epochs must be at least 1, got {parse.GetValue(epochs)}");
            if (parse.GetValue(soundscapes) is < 1 or > SynthSpec.MaxCount)
                throw new UsageException($"--soundscapes must be from 1 to {SynthSpec.MaxCount}, got {parse.GetValue(soundscapes)}");
            string outDir = parse.GetValue(output) ?? OutputPaths.DefaultFolder(Path.Combine("runs", taskName == "image" ? "demo" : $"demo-{taskName}"), output.Name);
            using var signals = StopSignals.Listen();
            IReadOnlyList<DemoRow> rows;
            if (taskName == "image")
            {
                var options = new DemoOptions
                {
                    Quick = parse.GetValue(quick),
                    Seed = parse.GetValue(seed),
                    OutDir = outDir,
                    DataDir = parse.GetValue(data),
                    Epochs = parse.GetValue(epochs),
                    Device = GlobalOptions.DeviceOf(parse),
                };
                System.Console.WriteLine(Demo.Describe(options));
                rows = ProgressRenderer.Session(observerFor => Demo.Run(options, new ConsoleDemoObserver(observerFor), signals.Token)).Select(r => r.ToRow()).ToList();
            }
            else
            {
                var options = new AudioDemoOptions
                {
                    Task = taskName == "scenes" ? AudioDemoTask.Scenes : AudioDemoTask.Events,
                    Quick = parse.GetValue(quick),
                    OutDir = outDir,
                    SamplesDir = parse.GetValue(data),
                    Epochs = parse.GetValue(epochs),
                    Soundscapes = parse.GetValue(soundscapes),
                    Seed = parse.GetValue(seed),
                    Device = GlobalOptions.DeviceOf(parse),
                };
                rows = ProgressRenderer.Session(observerFor => AudioDemo.Run(options, new ConsoleDemoObserver(observerFor), signals.Token));
            }
            TableOutput.Write(Table(rows));
            System.Console.WriteLine($"wrote {Path.Combine(outDir, DemoTable.CsvFile)} and {Path.Combine(outDir, DemoTable.ReportFile)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static TextTable Table(IReadOnlyList<DemoRow> rows)
    {
        var shown = rows.Count == 0 ? [] : rows[0].Figures.Where(f => f.Heading is not null).Select(f => f.Heading!).ToArray();
        var table = new TextTable().AddColumns(["conv", "op", "r", "width", "params", "MACs", .. shown]);
        foreach (var r in rows)
        {
            table.AddRow([r.Conv, r.Op, r.R.ToString(CultureInfo.InvariantCulture), r.Width.ToString(CultureInfo.InvariantCulture),
                r.Params.ToString("N0", CultureInfo.InvariantCulture), r.Macs.ToString("N0", CultureInfo.InvariantCulture),
                .. r.Figures.Where(f => f.Heading is not null).Select(f => f.Shown)]);
        }
        return table;
    }

    private sealed class ConsoleDemoObserver(Func<string, ITrainingObserver> observerFor) : IDemoObserver
    {
        public void DataLoaded(string source, long trainCount, long testCount) =>
            System.Console.WriteLine($"data: {source}");

        public ITrainingObserver ForRun(string label) => observerFor(label);

        public void TimingRound(int done, int total) => System.Console.WriteLine($"timing inference: round {done}/{total}");

        public void Note(string line) => System.Console.WriteLine(OptionFlags.ToFlags(line));
    }
}
