using System.CommandLine;
using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.Cli.Rendering;
using CompactConv.IO;
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
        bench.Subcommands.Add(BenchInferenceCommand.Create());
        return bench;
    }

    private static Command CreateLayers()
    {
        var command = new Command("layers", "Inference and training-step time of standard, separable, compact(max), compact(mean) and squeeze blocks: median and p10-p90 over interleaved rounds, with per-round ratios to separable");
        var inChannels = new Option<int>("--in") { Description = "Input channels", DefaultValueFactory = _ => 64 };
        var outChannels = new Option<int>("--out") { Description = "Output channels", DefaultValueFactory = _ => 64 };
        var size = new Option<string>("--size") { Description = "Input size HxW", DefaultValueFactory = _ => "32x64" };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 32 };
        var r = new Option<int>("--r") { Description = "Group size of compact and squeeze", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds", DefaultValueFactory = _ => 15 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed rounds first", DefaultValueFactory = _ => 3 };
        var csv = OutputPaths.File(new Option<string?>("--csv") { Description = "Also write the table to this CSV file (refused if it exists, unless --force)" });
        var force = new Option<bool>("--force") { Description = "Replace an existing --csv file" };
        foreach (var option in new Option[] { inChannels, outChannels, size, batch, r, rounds, warmup, csv, force }) command.Options.Add(option);
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
                WarmupRounds = NotNegative("--warmup", parse.GetValue(warmup)),
            };
            if (options.InChannels % options.R != 0) throw new UsageException($"--r {options.R} does not divide --in {options.InChannels}");
            string? csvPath = parse.GetValue(csv);
            bool replace = parse.GetValue(force);
            // Checked before the measurement so that a refusal costs nothing.
            RefuseToReplace("--csv", csvPath, replace);
            System.Console.WriteLine($"input [{options.Batch}, {options.InChannels}, {options.Height}, {options.Width}], {options.InChannels} -> {options.OutChannels}, {options.Kernel}x{options.Kernel}, r={options.R}");
            var context = MachineContext.AtStart();
            var result = LayerBenchmark.Run(options, (done, total) =>
            {
                if (done % 5 == 0 || done == total) System.Console.WriteLine($"round {done}/{total}");
            });
            Print(result, context.AtEnd(), options);
            if (csvPath is not null)
            {
                WriteCsv(csvPath, result.Rows, options.Rounds, replace);
                System.Console.WriteLine($"wrote {csvPath}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><paramref name="value"/> when it is at least 1; otherwise a usage error naming <paramref name="option"/>.</summary>
    internal static int Positive(string option, int value) =>
        value >= 1 ? value : throw new UsageException($"{option} must be at least 1, got {value}");

    /// <summary><paramref name="value"/> when it is at least 0; otherwise a usage error naming <paramref name="option"/>.</summary>
    private static int NotNegative(string option, int value) =>
        value >= 0 ? value : throw new UsageException($"{option} must be at least 0, got {value}");

    /// <summary>
    /// A usage error when <paramref name="path"/> (given with <paramref name="option"/>) exists and
    /// <paramref name="force"/> is off: earlier measurements are never replaced silently.
    /// </summary>
    private static void RefuseToReplace(string option, string? path, bool force)
    {
        if (path is not null && !force && File.Exists(path))
            throw new UsageException($"{option}: {path} already exists (earlier measurements); pass --force to replace it or choose another file");
    }

    private static void Print(LayerBenchmarkResult result, MachineContext context, LayerBenchmarkOptions options)
    {
        System.Console.WriteLine(context.Describe(options.Rounds, options.WarmupRounds));
        var table = new TextTable().AddColumns("kind", "op", "r", "params", "MACs (batch)", "infer ms", "infer / separable", "train ms", "train / separable");
        foreach (var row in result.Rows)
        {
            table.AddRow(row.Kind, row.Op, row.R.ToString(CultureInfo.InvariantCulture), row.Params.ToString("N0", CultureInfo.InvariantCulture),
                row.Macs.ToString("N0", CultureInfo.InvariantCulture),
                row.InferMs.Format(2), row.InferRatio.Format(3), row.TrainMs.Format(2), row.TrainRatio.Format(3));
        }
        TableOutput.Write(table);
        System.Console.WriteLine("each cell: median [p10-p90] over the rounds; ratios are taken per round, then summarised");
        foreach (var warning in new[] { context.Warning(), result.Infer.Warning("infer ms"), result.Train.Warning("train ms") }.OfType<string>())
        {
            System.Console.WriteLine(warning);
        }
        System.Console.WriteLine($"resident memory: {result.ResidentBytesBefore / 1048576.0:F0} MiB after warm-up, {result.ResidentBytesAfter / 1048576.0:F0} MiB after all {result.Steps} steps");
    }

    private static void WriteCsv(string path, IReadOnlyList<LayerBenchmarkRow> rows, int rounds, bool replace) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.WriteLine("kind,op,r,params,macs," + string.Join(',', new[] { "infer_ms", "infer_ratio", "train_ms", "train_ratio" }
                .SelectMany(name => new[] { "median", "p10", "p90" }.Select(statistic => $"{name}_{statistic}"))) + ",rounds");
            foreach (var row in rows)
            {
                var cells = new[] { row.InferMs, row.InferRatio, row.TrainMs, row.TrainRatio }
                    .SelectMany(s => new[] { s.Median, s.P10, s.P90 }).Select(v => v.ToString("F4", CultureInfo.InvariantCulture));
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Kind},{row.Op},{row.R},{row.Params},{row.Macs},{string.Join(',', cells)},{rounds}"));
            }
        }, overwrite: replace);
}
