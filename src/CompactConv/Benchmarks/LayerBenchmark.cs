using CompactConv.Complexity;
using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Benchmarks;

/// <summary>Settings of the layer benchmark (defaults: input [32, 64, 32, 64], 64 -> 64 channels, 3x3).</summary>
public sealed record LayerBenchmarkOptions
{
    /// <summary>Input channels.</summary>
    public int InChannels { get; init; } = 64;

    /// <summary>Output channels.</summary>
    public int OutChannels { get; init; } = 64;

    /// <summary>Input height.</summary>
    public int Height { get; init; } = 32;

    /// <summary>Input width.</summary>
    public int Width { get; init; } = 64;

    /// <summary>Batch size.</summary>
    public int Batch { get; init; } = 32;

    /// <summary>Kernel size.</summary>
    public int Kernel { get; init; } = 3;

    /// <summary>Group size of compact and squeeze.</summary>
    public int R { get; init; } = 2;

    /// <summary>Timed rounds; each round times every layer once, interleaved.</summary>
    public int Rounds { get; init; } = 15;

    /// <summary>Untimed warm-up rounds.</summary>
    public int WarmupRounds { get; init; } = 3;
}

/// <summary>One layer's figures; ratios are to the separable convolution measured in the same run.</summary>
public sealed record LayerBenchmarkRow(
    string Kind, string Op, int R, long Params, long Macs, double InferMs, double TrainMs, double InferRatio, double TrainRatio);

/// <summary>The benchmark's rows plus the process memory after warm-up and at the end, and the number of timed and untimed steps.</summary>
public sealed record LayerBenchmarkResult(IReadOnlyList<LayerBenchmarkRow> Rows, long ResidentBytesBefore, long ResidentBytesAfter, int Steps);

/// <summary>
/// Times standard, separable, compact(max), compact(mean) and squeeze conv blocks on one input,
/// interleaving the layers round by round so that machine noise hits them alike, and reports
/// median inference and training-step (forward + backward) times and ratios to separable.
/// </summary>
public static class LayerBenchmark
{
    /// <summary>The compared layers.</summary>
    public static IReadOnlyList<(ConvKind Kind, ChannelPoolOp Op)> Layers { get; } =
    [
        (ConvKind.Standard, ChannelPoolOp.Max),
        (ConvKind.Separable, ChannelPoolOp.Max),
        (ConvKind.Compact, ChannelPoolOp.Max),
        (ConvKind.Compact, ChannelPoolOp.Mean),
        (ConvKind.Squeeze, ChannelPoolOp.Max),
    ];

    /// <summary>Runs the benchmark; <paramref name="progress"/> receives (round, rounds).</summary>
    public static LayerBenchmarkResult Run(LayerBenchmarkOptions options, Action<int, int>? progress = null)
    {
        manual_seed(0);
        var modules = Layers.Select(l => ConvFactory.Create(l.Kind, options.InChannels, options.OutChannels, options.Kernel,
            options: ConvOptions.Default with { R = options.R, Op = l.Op })).ToList();
        var infer = Layers.Select(_ => new List<double>()).ToList();
        var train = Layers.Select(_ => new List<double>()).ToList();
        using var input = randn(options.Batch, options.InChannels, options.Height, options.Width);
        // Memory is read once every layer has run (weights, gradients and the allocator's pools
        // exist) and again at the end: equal figures show that the dispose scopes keep it flat.
        long residentBefore = 0;
        int steps = 0;
        try
        {
            for (int round = 0; round < options.WarmupRounds + options.Rounds; round++)
            {
                for (int i = 0; i < modules.Count; i++)
                {
                    double inferMs = Timing.Milliseconds(() => InferenceStep(modules[i], input));
                    double trainMs = Timing.Milliseconds(() => TrainingStep(modules[i], input));
                    steps += 2;
                    if (round < options.WarmupRounds) continue;
                    infer[i].Add(inferMs);
                    train[i].Add(trainMs);
                }
                if (round == options.WarmupRounds - 1 || (options.WarmupRounds == 0 && round == 0)) residentBefore = Timing.ResidentBytes();
                progress?.Invoke(round + 1, options.WarmupRounds + options.Rounds);
            }
            long residentAfter = Timing.ResidentBytes();
            long[] inputShape = [options.InChannels, options.Height, options.Width];
            int separable = Layers.ToList().FindIndex(l => l.Kind == ConvKind.Separable);
            double separableInfer = Timing.Median(infer[separable]);
            double separableTrain = Timing.Median(train[separable]);
            var rows = new List<LayerBenchmarkRow>();
            for (int i = 0; i < modules.Count; i++)
            {
                var (kind, op) = Layers[i];
                var cost = ModelCost.Measure(modules[i], inputShape);
                double inferMs = Timing.Median(infer[i]);
                double trainMs = Timing.Median(train[i]);
                bool pooled = kind == ConvKind.Compact;
                rows.Add(new LayerBenchmarkRow(kind.Name(), pooled ? op.Name() : "",
                    kind is ConvKind.Compact or ConvKind.Squeeze ? options.R : 1,
                    cost.Parameters, cost.Macs * options.Batch, inferMs, trainMs,
                    inferMs / separableInfer, trainMs / separableTrain));
            }
            return new LayerBenchmarkResult(rows, residentBefore, residentAfter, steps);
        }
        finally
        {
            foreach (var module in modules) module.Dispose();
        }
    }

    /// <summary>One forward pass in eval mode without gradients, inside its own dispose scope.</summary>
    public static void InferenceStep(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        module.eval();
        module.call(input);
    }

    /// <summary>One training step (forward, mean loss, backward) in train mode, inside its own dispose scope.</summary>
    public static void TrainingStep(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        using var scope = NewDisposeScope();
        module.train();
        module.zero_grad();
        module.call(input).mean().backward();
    }
}
