using CompactConv.Audio.Features;
using CompactConv.Events;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;
using CompactConv.Training.Augmentation;

namespace CompactConv.Pipelines;

/// <summary>
/// What an audio demo trains: the synthesis spec, the front end, the model and its configurations,
/// and the training options. <see cref="For"/> gives the task's recipe for quick or full mode with the
/// options' overrides applied. Sized so that the quick demo takes about two minutes on two CPU cores
/// and the full one a quarter of an hour (docs/audio-demo.md has the measured times).
/// </summary>
public sealed record AudioDemoRecipe
{
    /// <summary>The task.</summary>
    public required AudioDemoTask Task { get; init; }

    /// <summary>The synthesis spec in the sample folder.</summary>
    public required string SpecFile { get; init; }

    /// <summary>The dataset layout name the soundscapes are read as (<c>tau2019</c> or <c>urbansed</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>report.md's title.</summary>
    public required string Title { get; init; }

    /// <summary>Registered model name.</summary>
    public required string Model { get; init; }

    /// <summary>The baseline's width multiplier; configurations may widen compact models from it.</summary>
    public required double Width { get; init; }

    /// <summary>Log-mel front end.</summary>
    public required LogMelOptions Features { get; init; }

    /// <summary>Training options of every run.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>The configurations, baseline first.</summary>
    public required IReadOnlyList<DemoConfiguration> Configurations { get; init; }

    /// <summary>Post-processing of event detection runs; null for scenes.</summary>
    public PostProcessingOptions? PostProcessing { get; init; }

    /// <summary>The spec of one configuration, for a model of <paramref name="inputShape"/> and <paramref name="classes"/> outputs.</summary>
    public ModelSpec ModelSpec(DemoConfiguration configuration, int[] inputShape, int classes) => new()
    {
        Name = Model,
        Conv = configuration.Kind,
        ConvOptions = ConvOptions.Default with { Op = configuration.Op, R = 2 },
        Width = configuration.Width,
        InputShape = inputShape,
        NumClasses = classes,
    };

    /// <summary>The task's recipe in quick or full mode, with <paramref name="options"/>' overrides.</summary>
    /// <exception cref="ArgumentException">An override is out of range.</exception>
    public static AudioDemoRecipe For(AudioDemoOptions options)
    {
        if (options.Epochs is < 1) throw new ArgumentException($"{nameof(AudioDemoOptions)}.{nameof(AudioDemoOptions.Epochs)} must be at least 1, got {options.Epochs}");
        if (options.Width is { } w && !(w > 0 && double.IsFinite(w))) throw new ArgumentException($"{nameof(AudioDemoOptions)}.{nameof(AudioDemoOptions.Width)} must be a positive number, got {w}");
        var recipe = options.Task == AudioDemoTask.Scenes ? Scenes(options.Quick) : Events(options.Quick);
        double width = options.Width ?? recipe.Width;
        recipe = recipe with
        {
            Width = width,
            Features = (options.Features ?? recipe.Features).Validate(),
            Training = recipe.Training with
            {
                Epochs = options.Epochs ?? recipe.Training.Epochs,
                BatchSize = options.BatchSize ?? recipe.Training.BatchSize,
                Seed = options.Seed,
            },
            // Widths scale with the baseline's, so a narrower demo keeps its budget-matched row.
            Configurations = recipe.Configurations.Select(c => c with { Width = c.Width / recipe.Width * width }).ToList(),
        };
        recipe.Training.Validate();
        return recipe;
    }

    private static IReadOnlyList<DemoConfiguration> ConfigurationsOf(bool quick, double width, double budgetWidth) => quick
        ?
        [
            new(ConvKind.Standard, ChannelPoolOp.Max, width),
            new(ConvKind.Compact, ChannelPoolOp.Max, width),
        ]
        :
        [
            new(ConvKind.Standard, ChannelPoolOp.Max, width),
            new(ConvKind.Separable, ChannelPoolOp.Max, width),
            new(ConvKind.Compact, ChannelPoolOp.Max, width),
            new(ConvKind.Compact, ChannelPoolOp.Mean, width),
            new(ConvKind.Compact, ChannelPoolOp.Max, budgetWidth),
        ];

    private static TrainingOptions Adam(int epochs, int batch) => new()
    {
        Epochs = epochs,
        BatchSize = batch,
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 3e-3,
        WeightDecay = 1e-4,
        WarmupEpochs = 1,
        Schedule = ScheduleKind.Cosine,
    };

    private static AudioDemoRecipe Scenes(bool quick) => new()
    {
        Task = AudioDemoTask.Scenes,
        SpecFile = "scenes-demo.json",
        Dataset = "tau2019",
        Title = "CompactConv audio demo: dcase-baseline on synthesised acoustic scenes",
        Model = "dcase-baseline",
        Width = 1.0,
        Features = new LogMelOptions { SampleRate = 16000, NFft = 1024, HopLength = 512, NMels = 40 },
        Training = Adam(quick ? 10 : 30, 32) with
        {
            Augmentation = new AugmentationOptions { MixupAlpha = 0.2, TimeMasks = 1, FrequencyMasks = 1, FrequencyMaskWidth = 8 },
        },
        // dcase-baseline has one factory convolution; at 1.5 times the width compact(max) has about a
        // third of the standard model's parameters.
        Configurations = ConfigurationsOf(quick, 1.0, 1.5),
    };

    private static AudioDemoRecipe Events(bool quick) => new()
    {
        Task = AudioDemoTask.Events,
        SpecFile = "events-demo.json",
        Dataset = "urbansed",
        Title = "CompactConv audio demo: crnn on synthesised sound events",
        Model = "crnn",
        Width = 0.5,
        Features = new LogMelOptions { SampleRate = 16000, NFft = 1024, HopLength = 512, NMels = 32 },
        // Sparse frame targets: a higher rate than the scenes' gets crnn past "nothing is active" within a
        // few epochs. Validation event F1 stops rising by epoch 10 on this set (a 30-epoch run peaked at
        // epoch 4), so the full demo spends its time on more configurations, not more epochs.
        Training = Adam(quick ? 10 : 15, 16) with { LearningRate = 1e-2 },
        PostProcessing = EventDetection.DefaultPostProcessing with { MedianFilterSeconds = 0.1 },
        // The GRU holds most of crnn's parameters; at twice the width compact(max) has 85 % of the
        // standard model's parameters and half its MACs.
        Configurations = ConfigurationsOf(quick, 0.5, 1.0),
    };
}
