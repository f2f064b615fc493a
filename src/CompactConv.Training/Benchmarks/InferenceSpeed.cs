using static TorchSharp.torch;

namespace CompactConv.Benchmarks;

/// <summary>Settings of <see cref="InferenceSpeed.Compare"/> (defaults: batch 256, 9 timed rounds after 2 warm-up rounds).</summary>
public sealed record InferenceTimingOptions
{
    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Timed rounds; each round runs every model once.</summary>
    public int Rounds { get; init; } = 9;

    /// <summary>Untimed rounds first.</summary>
    public int WarmupRounds { get; init; } = 2;
}

/// <summary>What <see cref="InferenceSpeed.Compare"/> measured, and on what machine.</summary>
/// <param name="Timing">Milliseconds per image of every model, with per-round ratios to the reference.</param>
/// <param name="Context">The machine during the measurement.</param>
/// <param name="Options">The settings it ran with.</param>
public sealed record InferenceComparison(TimingComparison Timing, MachineContext Context, InferenceTimingOptions Options)
{
    /// <summary>The lines to show with the table: the machine context, then any load and spread warnings.</summary>
    public IReadOnlyList<string> Notes =>
        [.. new[] { Context.Describe(Options.Rounds, Options.WarmupRounds), Context.Warning(), Timing.Warning("ms/image") }.OfType<string>()];
}

/// <summary>Measures models' inference latency per image, side by side.</summary>
public static class InferenceSpeed
{
    /// <summary>
    /// Milliseconds per image of each model's forward pass on a batch of random inputs (eval mode, no
    /// gradients), all models timed in the same interleaved rounds, compared to model
    /// <paramref name="reference"/>. The models are left in eval mode. <paramref name="progress"/>
    /// receives (rounds done, all rounds including warm-up).
    /// </summary>
    public static InferenceComparison Compare(
        IReadOnlyList<(string Label, nn.Module<Tensor, Tensor> Model)> models, int reference, int[] inputShape,
        InferenceTimingOptions options, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {options.BatchSize}");
        using var input = randn([options.BatchSize, .. inputShape.Select(d => (long)d)]);
        var variants = models.Select(m => (Action)(() => LayerBenchmark.InferenceStep(m.Model, input))).ToList();
        var context = MachineContext.AtStart();
        var samples = InterleavedRounds.Time(variants, options.Rounds, options.WarmupRounds, progress);
        var perImage = samples.Select(s => (IReadOnlyList<double>)[.. s.Select(ms => ms / options.BatchSize)]).ToList();
        return new InferenceComparison(TimingComparison.Of([.. models.Select(m => m.Label)], perImage, reference), context.AtEnd(), options);
    }
}
