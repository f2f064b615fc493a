using System.CommandLine;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary>The optimisation options of <c>train</c>.</summary>
public sealed class TrainingOptionSet
{
    private readonly Option<int> epochs = new("--epochs") { Description = "Epochs", DefaultValueFactory = _ => 10 };
    private readonly Option<int> batch = new("--batch") { Description = "Batch size", DefaultValueFactory = _ => 128 };
    private readonly Option<double?> lr = new("--lr") { Description = "Learning rate (default 0.05 for sgd, 0.003 for adamw)" };
    private readonly Option<string?> optimizer = new("--optimizer") { Description = "sgd or adamw (default: sgd for --task image, adamw for scenes and events)" };
    private readonly Option<double> momentum = new("--momentum") { Description = "SGD momentum (Nesterov)", DefaultValueFactory = _ => 0.9 };
    private readonly Option<double?> weightDecay = new("--weight-decay") { Description = "Weight decay (default 5e-4 for sgd, 1e-4 for adamw)" };
    private readonly Option<string> schedule = new("--schedule") { Description = "cosine, step or constant", DefaultValueFactory = _ => "cosine" };
    private readonly Option<int> stepEpochs = new("--step-epochs") { Description = "Epochs between decays of the step schedule", DefaultValueFactory = _ => 30 };
    private readonly Option<double> gamma = new("--gamma") { Description = "Decay factor of the step schedule", DefaultValueFactory = _ => 0.1 };
    private readonly Option<double> warmup = new("--warmup") { Description = "Linear warm-up in epochs", DefaultValueFactory = _ => 0 };
    private readonly Option<double> smoothing = new("--label-smoothing") { Description = "Label smoothing", DefaultValueFactory = _ => 0 };
    private readonly Option<int> seed = new("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
    private readonly Option<double?> clipGrad = new("--clip-grad") { Description = "Clip the total L2 norm of the gradients to NORM before each step (default: no clipping)" };
    private readonly Option<double?> maxMinutes = new("--max-minutes") { Description = "Stop at the first step after M minutes with a checkpoint that --resume continues exactly" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { epochs, batch, lr, optimizer, momentum, weightDecay, schedule, stepEpochs, gamma, warmup, smoothing, seed, clipGrad, maxMinutes })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The settings a run trains with, one line for its start: optimiser, rate, weight decay, batch,
    /// schedule, warm-up, epochs and seed, each marked "(default)" unless given on the command line.
    /// </summary>
    public string Describe(ParseResult parse, TrainingOptions options)
    {
        string Mark(Option option) => parse.GetResult(option) is { Implicit: false } ? "" : " (default)";
        var parts = new List<string>
        {
            $"optimizer {options.Optimizer.ToString().ToLowerInvariant()}{Mark(optimizer)}",
            FormattableString.Invariant($"lr {options.LearningRate}{Mark(lr)}"),
        };
        if (options.Optimizer == OptimizerKind.Sgd) parts.Add(FormattableString.Invariant($"momentum {options.Momentum}{Mark(momentum)}"));
        parts.Add(FormattableString.Invariant($"weight decay {options.WeightDecay}{Mark(weightDecay)}"));
        parts.Add($"batch {options.BatchSize}{Mark(batch)}");
        parts.Add($"{options.Schedule.ToString().ToLowerInvariant()} schedule{Mark(schedule)}");
        if (options.WarmupEpochs > 0) parts.Add(FormattableString.Invariant($"warm-up {options.WarmupEpochs} epoch(s)"));
        parts.Add($"{options.Epochs} epochs{Mark(epochs)}");
        parts.Add($"seed {options.Seed}{Mark(seed)}");
        return string.Join(", ", parts);
    }

    /// <summary>Reads the options; unknown names are usage errors naming the option.</summary>
    public TrainingOptions Parse(ParseResult parse, string defaultOptimizer)
    {
        var optimizerKind = (parse.GetValue(optimizer) ?? defaultOptimizer) switch
        {
            "sgd" => OptimizerKind.Sgd,
            "adamw" => OptimizerKind.AdamW,
            var other => throw new UsageException($"--optimizer: unknown optimizer '{other}' (expected sgd or adamw)"),
        };
        var scheduleKind = parse.GetValue(schedule) switch
        {
            "cosine" => ScheduleKind.Cosine,
            "step" => ScheduleKind.Step,
            "constant" => ScheduleKind.Constant,
            var other => throw new UsageException($"--schedule: unknown schedule '{other}' (expected cosine, step or constant)"),
        };
        bool adam = optimizerKind == OptimizerKind.AdamW;
        return new TrainingOptions
        {
            Epochs = parse.GetValue(epochs),
            BatchSize = parse.GetValue(batch),
            LearningRate = parse.GetValue(lr) ?? (adam ? 3e-3 : 0.05),
            Optimizer = optimizerKind,
            Momentum = parse.GetValue(momentum),
            WeightDecay = parse.GetValue(weightDecay) ?? (adam ? 1e-4 : 5e-4),
            Schedule = scheduleKind,
            StepEpochs = parse.GetValue(stepEpochs),
            Gamma = parse.GetValue(gamma),
            WarmupEpochs = parse.GetValue(warmup),
            LabelSmoothing = parse.GetValue(smoothing),
            Seed = parse.GetValue(seed),
            ClipGradNorm = parse.GetValue(clipGrad),
            MaxMinutes = parse.GetValue(maxMinutes),
        };
    }
}
