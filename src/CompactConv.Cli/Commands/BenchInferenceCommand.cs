using System.CommandLine;
using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.Cli.Rendering;
using CompactConv.Complexity;
using CompactConv.Models;
using CompactConv.Onnx;
using CompactConv.Reports;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using DenseTensor = Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>;
using static TorchSharp.torch;

namespace CompactConv.Cli.Commands;

/// <summary>
/// <c>compactconv bench inference</c>: one model's inference latency in TorchSharp (eager) and in ONNX Runtime
/// on its exported graph, timed in the same interleaved rounds, with the per-round ratio to TorchSharp.
/// </summary>
public static class BenchInferenceCommand
{
    private static readonly string[] Engines = ["both", "torch", "onnx"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("inference", "Inference latency of a model in TorchSharp and in ONNX Runtime (its exported graph), same threads, interleaved rounds: median [p10-p90] per batch, images/s, ratio to TorchSharp");
        var model = new ModelOptions();
        var input = new Option<string>("--input") { Description = "Per-sample input shape CxHxW (audio models: 1xMELSxFRAMES)", DefaultValueFactory = _ => "1x28x28" };
        var classes = new Option<int>("--classes") { Description = "Output classes", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 1 };
        var engine = new Option<string>("--engine") { Description = "both, torch or onnx", DefaultValueFactory = _ => "both" };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed rounds first", DefaultValueFactory = _ => 5 };
        model.AddTo(command);
        foreach (var option in new Option[] { input, classes, batch, engine, rounds, warmup }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            int[] shape = ShapeForm.ChannelsHeightWidth.Parse("--input", parse.GetValue(input)!);
            string engines = parse.GetValue(engine)!;
            if (!Engines.Contains(engines)) throw new UsageException($"--engine: unknown engine '{engines}' (expected {string.Join(", ", Engines)})");
            int batchSize = BenchCommand.Positive("--batch", parse.GetValue(batch));
            int timedRounds = BenchCommand.Positive("--rounds", parse.GetValue(rounds));
            int warmupRounds = parse.GetValue(warmup);
            if (warmupRounds < 0) throw new UsageException($"--warmup must be at least 0, got {warmupRounds}");
            var spec = model.ToSpec(parse, shape, BenchCommand.Positive("--classes", parse.GetValue(classes)));

            manual_seed(0);
            using var module = ModelRegistry.Create(spec);
            module.eval();
            var cost = ModelCost.Measure(module, [.. shape.Select(d => (long)d)]);
            var proto = OnnxExporter.Export(module, shape);
            byte[] file = proto.ToByteArray();
            using var sessionOptions = new SessionOptions
            {
                IntraOpNumThreads = get_num_threads(),
                InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            using var session = new InferenceSession(file, sessionOptions);
            using var batchInput = randn([batchSize, .. shape.Select(d => (long)d)]);
            var onnxInput = new DenseTensor(batchInput.data<float>().ToArray(), [batchSize, .. shape]);
            var feeds = new[] { NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), onnxInput) };

            double difference = LargestDifference(module, batchInput, session, feeds);
            var variants = new List<(string Label, Action Run)>();
            if (engines is "both" or "torch") variants.Add(("torch", () => Benchmarks.LayerBenchmark.InferenceStep(module, batchInput)));
            if (engines is "both" or "onnx") variants.Add(("onnx", () => { using var results = session.Run(feeds); }));

            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Name} {spec.ConvLabel} width {spec.Width}, input [{batchSize}, {string.Join(", ", shape)}]: params {cost.Parameters:N0}, MACs {cost.Macs:N0} per image, ONNX file {file.Length / 1024.0:F1} KB (opset {OnnxExportOptions.Default.Opset}), largest |torch - onnx| {difference:G2}"));
            var context = MachineContext.AtStart();
            var samples = InterleavedRounds.Time([.. variants.Select(v => v.Run)], timedRounds, warmupRounds, (done, total) =>
            {
                if (done % 10 == 0 || done == total) System.Console.WriteLine($"round {done}/{total}");
            });
            var timing = TimingComparison.Of([.. variants.Select(v => v.Label)], samples, reference: 0);
            var measured = context.AtEnd();
            System.Console.WriteLine(measured.Describe(timedRounds, warmupRounds));
            var table = new TextTable().AddColumns("engine", "ms per batch", "images/s (median)", $"time / {timing.Reference}");
            foreach (var variant in timing.Variants)
            {
                table.AddRow(variant.Label, variant.Value.Format(3),
                    (batchSize * 1000.0 / variant.Value.Median).ToString("N0", CultureInfo.InvariantCulture), variant.Ratio.Format(3));
            }
            TableOutput.Write(table);
            System.Console.WriteLine("each cell: median [p10-p90] over the rounds; ratios are taken per round, then summarised");
            foreach (var warning in new[] { measured.Warning(), timing.Warning("ms per batch") }.OfType<string>()) System.Console.WriteLine(warning);
            return ExitCodes.Success;
        });
        return command;
    }

    // Both engines on the benchmark's own input: a timing of a graph that computes something else would mean nothing.
    private static double LargestDifference(nn.Module<Tensor, Tensor> module, Tensor input, InferenceSession session, IReadOnlyCollection<NamedOnnxValue> feeds)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var expected = module.call(input).contiguous().data<float>().ToArray();
        using var results = session.Run(feeds);
        var actual = results.Single().AsEnumerable<float>().ToArray();
        if (expected.Length != actual.Length) throw new InvalidOperationException($"ONNX Runtime gave {actual.Length} outputs where TorchSharp gave {expected.Length}");
        return expected.Zip(actual, (a, b) => Math.Abs((double)a - b)).Max();
    }
}
