using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>One row of the demo's results.csv.</summary>
/// <param name="Conv">Conv kind.</param>
/// <param name="Op">Interchannel operation (compact only).</param>
/// <param name="R">Group size (1 for kinds without one).</param>
/// <param name="Width">Width multiplier.</param>
/// <param name="Params">Parameters.</param>
/// <param name="Macs">Multiply-accumulates per image.</param>
/// <param name="BestEpoch">The epoch with the best validation accuracy, whose weights are reported.</param>
/// <param name="ValidationAccuracy">Validation accuracy of <paramref name="BestEpoch"/> (the figure that chose it).</param>
/// <param name="TestAccuracy">Test accuracy of <paramref name="BestEpoch"/>'s weights; the test split is read only for this.</param>
/// <param name="MsPerImage">Inference milliseconds per image over the interleaved timing rounds (<see cref="InferenceSpeed.Compare"/>).</param>
/// <param name="TimeVsStandard">Per-round ratio of <paramref name="MsPerImage"/> to the standard model's.</param>
/// <param name="TrainSeconds">Training time of all epochs.</param>
/// <param name="TrainImagesPerSecond">Mean training speed.</param>
/// <param name="Epochs">Epochs trained.</param>
public sealed record DemoResult(
    string Conv, string Op, int R, double Width, long Params, long Macs, int BestEpoch, double ValidationAccuracy, double TestAccuracy,
    Spread MsPerImage, Spread TimeVsStandard, double TrainSeconds, double TrainImagesPerSecond, int Epochs)
{
    /// <summary>The row in the shape every demo reports: accuracies, best epoch and timings shown, the rest in results.csv only.</summary>
    public DemoRow ToRow() => new(Conv, Op, R, Width, Params, Macs,
    [
        new("best_epoch", BestEpoch, "best epoch", DemoFigureFormat.Integer),
        new("validation_accuracy", ValidationAccuracy, "validation accuracy", DemoFigureFormat.Percent),
        new("test_accuracy", TestAccuracy, "test accuracy", DemoFigureFormat.Percent),
        .. DemoFigure.OfSpread("ms_per_image", MsPerImage, "ms/image [p10-p90]", 4),
        .. DemoFigure.OfSpread("time_vs_standard", TimeVsStandard, "time vs standard [p10-p90]", 3),
        new("train_seconds", TrainSeconds),
        new("train_images_per_second", TrainImagesPerSecond),
        new("epochs", Epochs),
    ]);
}

/// <summary>One configuration the demo trains.</summary>
public sealed record DemoConfiguration(ConvKind Kind, ChannelPoolOp Op, double Width = 1.0);

/// <summary>Settings of <c>compactconv demo</c>.</summary>
public sealed record DemoOptions
{
    /// <summary>Quick mode: a class-balanced 4,000 training-split images (validation hold-out included) and 1,000 test images, two epochs of batch 64, no width-2 row.</summary>
    public bool Quick { get; init; }

    /// <summary>Output folder (one run folder per configuration, plus results.csv and report.md).</summary>
    public string OutDir { get; init; } = Path.Combine("runs", "demo");

    /// <summary>Where the models train and are evaluated (the CPU by default).</summary>
    public TorchSharp.torch.Device Device { get; init; } = TorchSharp.torch.CPU;

    /// <summary>Optional folder holding a full copy of Fashion-MNIST.</summary>
    public string? DataDir { get; init; }

    /// <summary>Epochs of every run; null for the mode's own (2 quick, 3 full).</summary>
    public int? Epochs { get; init; }

    /// <summary>Batch size of every run; null for the mode's own (64 quick, 128 full).</summary>
    public int? BatchSize { get; init; }

    /// <summary>Most training images the full demo uses (a class-balanced subset); null for all.</summary>
    public int? TrainLimit { get; init; } = 24_000;

    /// <summary>Seed of every run.</summary>
    public int Seed { get; init; }

    /// <summary>How the trained models' inference is timed (batch, interleaved rounds, warm-up).</summary>
    public InferenceTimingOptions InferenceTiming { get; init; } = new();
}

/// <summary>Receives demo progress per configuration.</summary>
public interface IDemoObserver
{
    /// <summary>Called with the data description once loaded.</summary>
    void DataLoaded(string source, long trainCount, long testCount);

    /// <summary>The observer for one configuration's training run.</summary>
    ITrainingObserver ForRun(string label);

    /// <summary>Called after each round of the inference timing with (rounds done, all rounds including warm-up).</summary>
    void TimingRound(int done, int total)
    {
    }

    /// <summary>
    /// A line worth showing: the machine context of the timing, a warning, an earlier result kept, the
    /// audio demos' soundscapes and features.
    /// </summary>
    void Note(string line)
    {
    }
}

/// <summary>
/// The main job: trains smallcnn on Fashion-MNIST with standard, separable, compact(max, r=2) and
/// compact(mean, r=2) convolutions under the same budget, then reports accuracy, parameters, MACs
/// and measured inference time. Finished runs are reused and unfinished ones resumed, so an
/// interrupted demo continues where it stopped; the output folder and each run folder are locked while
/// the demo writes them (<see cref="RunLock"/>). Inference is timed once every model is trained, all
/// models in the same interleaved rounds, so that no model is timed at a quieter moment than another.
/// Earlier results.csv and report.md are kept with a timestamp suffix, never overwritten.
/// </summary>
public static class Demo
{
    /// <summary>The four configurations compared at the same width.</summary>
    public static IReadOnlyList<DemoConfiguration> Configurations { get; } =
    [
        new(ConvKind.Standard, ChannelPoolOp.Max),
        new(ConvKind.Separable, ChannelPoolOp.Max),
        new(ConvKind.Compact, ChannelPoolOp.Max),
        new(ConvKind.Compact, ChannelPoolOp.Mean),
    ];

    /// <summary>
    /// The full demo adds compact(max) at twice the width: about a quarter of the standard model's
    /// parameters and MACs, to show what compact convolution reaches at a matched budget rather
    /// than at the same layout.
    /// </summary>
    public static DemoConfiguration BudgetMatched { get; } = new(ConvKind.Compact, ChannelPoolOp.Max, 2.0);

    /// <summary>
    /// Runs the demo and writes results.csv and report.md into the output folder; a stop requested through
    /// <paramref name="stop"/> ends it at the next step boundary of the run being trained.
    /// </summary>
    /// <exception cref="DataException">The data are unusable, or another process writes the output folder or a run folder.</exception>
    /// <exception cref="TrainingStoppedException">A stop was requested; the run has a checkpoint, and running the demo again continues it.</exception>
    public static IReadOnlyList<DemoResult> Run(DemoOptions options, IDemoObserver observer, StopToken? stop = null)
    {
        using var outputLock = DemoRuns.LockOutput(options.OutDir, observer.Note);
        int? trainLimit = TrainLimitOf(options);
        int? testLimit = TestLimitOf(options);
        var training = new TrainingOptions
        {
            Epochs = EpochsOf(options),
            BatchSize = BatchSizeOf(options),
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 3e-3,
            WeightDecay = 1e-4,
            Schedule = ScheduleKind.Cosine,
            Seed = options.Seed,
        };
        using var data = ImageTaskData.Load(new ImageDataRequest
        {
            Dataset = "fashion-mnist",
            DataDir = options.DataDir,
            TrainLimit = trainLimit,
            TestLimit = testLimit,
            Seed = options.Seed,
            IncludeTest = true,
        });
        observer.DataLoaded(data.Source, data.Train.Count, data.Test!.Count);

        var trained = new List<DemoRun>();
        var configurations = options.Quick ? Configurations : [.. Configurations, BudgetMatched];
        foreach (var (kind, op, width) in configurations)
        {
            var spec = new ModelSpec
            {
                Name = "smallcnn",
                Conv = kind,
                ConvOptions = ConvOptions.Default with { Op = op, R = 2 },
                Width = width,
                InputShape = data.InputShape,
                NumClasses = data.ClassNames.Count,
            };
            var config = new RunConfig
            {
                Dataset = "fashion-mnist",
                DataDir = options.DataDir is null ? null : RunConfig.FullDataPath(options.DataDir),
                DataSource = data.Source,
                TrainLimit = trainLimit,
                TestLimit = testLimit,
                ValidationFraction = RunConfig.DefaultValidationFraction,
                Model = spec,
                ClassNames = data.ClassNames.ToArray(),
                Normalization = data.Normalization,
                Training = training,
            };
            string runFolder = Path.Combine(options.OutDir, RunName(spec));
            string label = DemoRuns.Label(spec, 1.0);
            trained.Add(RunOne(config, runFolder, label, data, observer, stop, options.Device));
        }

        var timing = TimeInference(trained, data.InputShape, options.InferenceTiming, observer, options.Device);
        foreach (var note in timing.Notes) observer.Note(note);
        var results = trained.Select((run, i) => run.ToResult(timing.Timing.Variants[i])).ToList();

        DemoTable.Write(options.OutDir, Title, Notes(data.Source, training, options, timing.Notes), results.Select(r => r.ToRow()).ToList(), observer);
        return results;
    }

    /// <summary>What a demo with <paramref name="options"/> trains and tests on, in one line for the start of its output.</summary>
    public static string Describe(DemoOptions options)
    {
        string train = TrainLimitOf(options) is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"{(options.Quick ? "" : "at most ")}{limit:N0} class-balanced training-split images")
            : "the whole training split";
        string test = TestLimitOf(options) is { } testLimit
            ? string.Create(CultureInfo.InvariantCulture, $"{testLimit:N0} class-balanced test images")
            : "the whole test split";
        int epochs = EpochsOf(options);
        string rows = options.Quick ? $"the {Configurations.Count} width-1 rows (no width-2 row)" : $"{Configurations.Count + 1} rows (width-2 compact(max) included)";
        return string.Create(CultureInfo.InvariantCulture,
            $"{(options.Quick ? "quick demo" : "demo")}: {train} ({RunConfig.DefaultValidationFraction:P0} of them held out for validation) and {test}; " +
            $"{epochs} epoch{(epochs == 1 ? "" : "s")} of batch {BatchSizeOf(options)} for each of {rows}");
    }

    // The full demo caps training at 24,000 images so that four models fit in 15 minutes on two
    // cores even with the 60,000-image set; the test split is always used whole.
    private static int? TrainLimitOf(DemoOptions options) => options.Quick ? 4000 : options.TrainLimit;

    private static int? TestLimitOf(DemoOptions options) => options.Quick ? 1000 : null;

    private static int EpochsOf(DemoOptions options) => options.Epochs ?? (options.Quick ? 2 : 3);

    private static int BatchSizeOf(DemoOptions options) => options.BatchSize ?? (options.Quick ? 64 : 128);

    /// <summary>Folder name of a configuration, e.g. <c>compact-max-r2</c>.</summary>
    public static string RunName(ModelSpec spec) => (spec.Conv == ConvKind.Compact
        ? $"compact-{spec.ConvOptions.Op.Name()}-r{spec.ConvOptions.R}"
        : spec.Conv.Name()) + (spec.Width == 1.0 ? "" : $"-w{spec.Width.ToString(CultureInfo.InvariantCulture)}");

    // A configuration trained and tested, waiting for its inference timing.
    private sealed record DemoRun(RunConfig Config, string Folder, string Label, TrainingResult Training, double TestAccuracy, long Params, long Macs)
    {
        public DemoResult ToResult(ComparedVariant timing)
        {
            var spec = Config.Model;
            var history = Training.History;
            return new DemoResult(spec.Conv.Name(), spec.Conv.UsesChannelPool() ? spec.ConvOptions.Op.Name() : "",
                spec.Conv.UsesGroupSize() ? spec.ConvOptions.R : 1, spec.Width, Params, Macs,
                Training.BestEpoch, Training.BestValidationAccuracy, TestAccuracy, timing.Value, timing.Ratio,
                history.Sum(h => h.Seconds), history.Count == 0 ? 0 : history.Average(h => h.ExamplesPerSecond), Config.Training.Epochs);
        }
    }

    private static DemoRun RunOne(RunConfig config, string runFolder, string label, ImageTaskData data, IDemoObserver observer, StopToken? stop,
        Device device)
    {
        using var runLock = RunFolder.Lock(runFolder, "demo", observer.Note);
        bool resume = DemoRuns.ResumeOrStart(runFolder, config);
        var result = new Trainer(config, runFolder, observer.ForRun(label), stop: stop) { Device = device }.Run(data.Train, data.Validation, resume);
        DemoRuns.ThrowIfStopped(result.Stop, runFolder);

        // The weights of the epoch chosen on validation data meet the test split once, here.
        using var model = Pipelines.TrainedRun.LoadModel(runFolder, config, best: true, device);
        var test = Evaluator.Evaluate(model, data.Test!, config.ClassNames, config.Training.EvalBatchSize);
        var cost = ModelCost.Measure(model, config.Model.InputShape.Select(d => (long)d).ToArray());
        return new DemoRun(config, runFolder, label, result, test.Accuracy, cost.Parameters, cost.Macs);
    }

    /// <summary>Times the best weights of every trained run side by side, relative to the standard model.</summary>
    private static InferenceComparison TimeInference(IReadOnlyList<DemoRun> runs, int[] inputShape, InferenceTimingOptions options, IDemoObserver observer,
        Device device)
    {
        var models = new List<(string, nn.Module<Tensor, Tensor>)>();
        try
        {
            foreach (var run in runs) models.Add((run.Label, Pipelines.TrainedRun.LoadModel(run.Folder, run.Config, best: true, device)));
            int standard = runs.ToList().FindIndex(r => r.Config.Model.Conv == ConvKind.Standard && r.Config.Model.Width == 1.0);
            return InferenceSpeed.Compare(models, standard, inputShape, options, observer.TimingRound);
        }
        finally
        {
            foreach (var (_, model) in models) model.Dispose();
        }
    }

    private const string Title = "CompactConv demo: smallcnn on Fashion-MNIST";

    /// <summary>
    /// The Markdown report: the settings, <paramref name="timingNotes"/> (the timing's machine context
    /// and warnings), then the comparison table relative to the standard convolution.
    /// </summary>
    public static string Report(IReadOnlyList<DemoResult> results, string dataSource, TrainingOptions training, DemoOptions options,
        IReadOnlyList<string> timingNotes) =>
        DemoTable.Report(Title, Notes(dataSource, training, options, timingNotes), results.Select(r => r.ToRow()).ToList());

    private static IEnumerable<string> Notes(string dataSource, TrainingOptions training, DemoOptions options, IReadOnlyList<string> timingNotes)
    {
        var timing = options.InferenceTiming;
        return
        [
            $"Data: {dataSource}",
            "Model selection: each row reports the epoch with the best validation accuracy; the test split is read only to report it",
            DemoTable.TrainingNote(training, options.Quick),
            string.Create(CultureInfo.InvariantCulture,
                $"Inference time: ms/image of a forward pass of a batch of {timing.BatchSize}, every model timed in the same {timing.Rounds} interleaved rounds after {timing.WarmupRounds} warm-up round(s), once all were trained; median [p10-p90] over the rounds, and the per-round ratio to the standard model"),
            .. timingNotes,
        ];
    }
}
