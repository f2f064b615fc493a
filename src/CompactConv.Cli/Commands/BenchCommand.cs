using System.CommandLine;
using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.IO;
using CompactConv.Cli.Rendering;
using CompactConv.Reports;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv bench layers</c>: interleaved timing of conv kinds with ratios to separable; <c>bench sed-metrics</c>: speed of the SED metrics; <c>bench data</c>: speed of the image input pipeline.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks");
        bench.Subcommands.Add(CreateLayers());
        bench.Subcommands.Add(BenchSedMetricsCommand.Create());
        bench.Subcommands.Add(BenchDataCommand.Create());
        return bench;
    }

    private static Command CreateLayers()
    {
        var command = new Command("layers", "Median inference and training-step time of standard, separable, compact(max), compact(mean) and squeeze blocks");
        var inChannels = new Option<int>("--in") { Description = "Input channels", DefaultValueFactory = _ => 64 };
        var outChannels = new Option<int>("--out") { Description = "Output channels", DefaultValueFactory = _ => 64 };
        var size = new Option<string>("--size") { Description = "Input size HxW", DefaultValueFactory = _ => "32x64" };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 32 };
        var r = new Option<int>("--r") { Description = "Group size of compact and squeeze", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds", DefaultValueFactory = _ => 15 };
        var csv = new Option<string?>("--csv") { Description = "Also write the table to this CSV file" };
        foreach (var option in new Option[] { inChannels, outChannels, size, batch, r, rounds, csv }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            var hw = ShapeForm.HeightWidth.Parse("--size", parse.GetValue(size)!);
            var options = new LayerBenchmarkOptions
            {
                InChannels = Positive("--in", parse.GetValue(inChannels)),
                OutChannels = Positive("--out", parse.GetValue(outChannels)),
                Height = hw[0],
                Width = hw[1],
                Batch = Positive("--batch", parse.GetValue(batch)),
                R = Positive("--r", parse.GetValue(r)),
                Rounds = Positive("--rounds", parse.GetValue(rounds)),
            };
            if (options.InChannels % options.R != 0) throw new UsageException($"--r {options.R} does not divide --in {options.InChannels}");
            System.Console.WriteLine($"input [{options.Batch}, {options.InChannels}, {options.Height}, {options.Width}], {options.InChannels} -> {options.OutChannels}, {options.Kernel}x{options.Kernel}, r={options.R}, {TorchSharp.torch.get_num_threads()} thread(s), allocator tuning {(Runtime.TorchRuntime.AllocatorTuned ? "on" : "off")}");
            var result = LayerBenchmark.Run(options, (done, total) =>
            {
                if (done % 5 == 0 || done == total) System.Console.WriteLine($"round {done}/{total}");
            });
            Print(result);
            if (parse.GetValue(csv) is { } path) WriteCsv(path, result.Rows);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><paramref name="value"/> when it is at least 1; otherwise a usage error naming <paramref name="option"/>.</summary>
    internal static int Positive(string option, int value) =>
        value >= 1 ? value : throw new UsageException($"{option} must be at least 1, got {value}");

    private static void Print(LayerBenchmarkResult result)
    {
        var table = new TextTable().AddColumns("kind", "op", "r", "params", "MACs (batch)", "infer ms", "train ms", "infer / separable", "train / separable");
        foreach (var row in result.Rows)
        {
            table.AddRow(row.Kind, row.Op, row.R.ToString(CultureInfo.InvariantCulture), row.Params.ToString("N0", CultureInfo.InvariantCulture),
                row.Macs.ToString("N0", CultureInfo.InvariantCulture), F(row.InferMs, 2), F(row.TrainMs, 2), F(row.InferRatio, 3), F(row.TrainRatio, 3));
        }
        TableOutput.Write(table);
        System.Console.WriteLine($"resident memory: {result.ResidentBytesBefore / 1048576.0:F0} MiB after warm-up, {result.ResidentBytesAfter / 1048576.0:F0} MiB after all {result.Steps} steps");
    }

    private static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static void WriteCsv(string path, IReadOnlyList<LayerBenchmarkRow> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.WriteLine("kind,op,r,params,macs,infer_ms,train_ms,infer_ratio,train_ratio");
            foreach (var row in rows)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Kind},{row.Op},{row.R},{row.Params},{row.Macs},{row.InferMs:F4},{row.TrainMs:F4},{row.InferRatio:F4},{row.TrainRatio:F4}"));
            }
        });
}
