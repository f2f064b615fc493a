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

    /// <summary>Timed rounds; each round times every layer's forward pass and training step once, interleaved.</summary>
    public int Rounds { get; init; } = 15;

    /// <summary>Untimed warm-up rounds.</summary>
    public int WarmupRounds { get; init; } = 3;
}

/// <summary>One layer's figures; ratios are to the separable convolution timed in the same rounds (see <see cref="TimingComparison"/>).</summary>
/// <param name="Kind">Conv kind.</param>
/// <param name="Op">Interchannel operation (compact only).</param>
/// <param name="R">Group size (1 for kinds without one).</param>
/// <param name="Params">Parameters.</param>
/// <param name="Macs">Multiply-accumulates for the whole batch.</param>
/// <param name="InferMs">Milliseconds of one forward pass, over the timed rounds.</param>
/// <param name="TrainMs">Milliseconds of one training step (forward + backward).</param>
/// <param name="InferRatio">Per-round ratio of the forward pass to separable's.</param>
/// <param name="TrainRatio">Per-round ratio of the training step to separable's.</param>
public sealed record LayerBenchmarkRow(
    string Kind, string Op, int R, long Params, long Macs, Spread InferMs, Spread TrainMs, Spread InferRatio, Spread TrainRatio);

/// <summary>The benchmark's rows and comparisons, the process memory after warm-up and at the end, and the number of timed and untimed steps.</summary>
/// <param name="Rows">One row per layer, in <see cref="LayerBenchmark.Layers"/> order.</param>
/// <param name="Infer">The forward passes compared (its warning names indistinct layers).</param>
/// <param name="Train">The training steps compared.</param>
/// <param name="ResidentBytesBefore">Resident memory after the warm-up rounds (after the first round without warm-up).</param>
/// <param name="ResidentBytesAfter">Resident memory at the end.</param>
/// <param name="Steps">Forward passes and training steps run, warm-up included.</param>
public sealed record LayerBenchmarkResult(
    IReadOnlyList<LayerBenchmarkRow> Rows, TimingComparison Infer, TimingComparison Train, long ResidentBytesBefore, long ResidentBytesAfter, int Steps);

/// <summary>
/// Times standard, separable, compact(max), compact(mean) and squeeze conv blocks on one input,
/// interleaving the layers round by round so that machine noise hits them alike, and reports
/// the spread of inference and training-step (forward + backward) times and of their per-round
/// ratios to separable.
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

    /// <summary>Runs the benchmark; <paramref name="progress"/> receives (rounds done, all rounds including warm-up).</summary>
    public static LayerBenchmarkResult Run(LayerBenchmarkOptions options, Action<int, int>? progress = null)
    {
        manual_seed(0);
        var modules = Layers.Select(l => ConvFactory.Create(l.Kind, options.InChannels, options.OutChannels, options.Kernel,
            options: ConvOptions.Default with { R = options.R, Op = l.Op })).ToList();
        using var input = randn(options.Batch, options.InChannels, options.Height, options.Width);
        try
        {
            // Forward passes and training steps are separate variants, so each is interleaved with
            // every other and none always runs right after the same one. They alternate per layer:
            // even variants are forward passes, odd ones training steps.
            var variants = modules.SelectMany(m => new Action[] { () => InferenceStep(m, input), () => TrainingStep(m, input) }).ToList();
            // Memory is read once every layer has run (weights, gradients and the allocator's pools
            // exist) and again at the end: equal figures show that the dispose scopes keep it flat.
            long residentBefore = 0;
            var samples = InterleavedRounds.Time(variants, options.Rounds, options.WarmupRounds, (done, total) =>
            {
                if (done == Math.Max(1, options.WarmupRounds)) residentBefore = Timing.ResidentBytes();
                progress?.Invoke(done, total);
            });
            long residentAfter = Timing.ResidentBytes();

            var labels = Layers.Select(l => l.Kind == ConvKind.Compact ? $"{l.Kind.Name()}({l.Op.Name()})" : l.Kind.Name()).ToList();
            int separable = Layers.ToList().FindIndex(l => l.Kind == ConvKind.Separable);
            var infer = TimingComparison.Of(labels, [.. samples.Where((_, v) => v % 2 == 0)], separable);
            var train = TimingComparison.Of(labels, [.. samples.Where((_, v) => v % 2 == 1)], separable);
            long[] inputShape = [options.InChannels, options.Height, options.Width];
            var rows = new List<LayerBenchmarkRow>();
            for (int i = 0; i < modules.Count; i++)
            {
                var (kind, op) = Layers[i];
                var cost = ModelCost.Measure(modules[i], inputShape);
                rows.Add(new LayerBenchmarkRow(kind.Name(), kind == ConvKind.Compact ? op.Name() : "",
                    kind is ConvKind.Compact or ConvKind.Squeeze ? options.R : 1,
                    cost.Parameters, cost.Macs * options.Batch,
                    infer.Variants[i].Value, train.Variants[i].Value, infer.Variants[i].Ratio, train.Variants[i].Ratio));
            }
            return new LayerBenchmarkResult(rows, infer, train, residentBefore, residentAfter,
                variants.Count * (options.WarmupRounds + options.Rounds));
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
