using System.Diagnostics;
using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>One row of the demo's results.csv.</summary>
public sealed record DemoResult(
    string Conv, string Op, int R, double Width, long Params, long Macs, double Accuracy, double MsPerImage,
    double TrainSeconds, double TrainImagesPerSecond, int Epochs)
{
    /// <summary>The row in the shape every demo reports (accuracy and ms/image shown, the rest in results.csv only).</summary>
    public DemoRow ToRow() => new(Conv, Op, R, Width, Params, Macs,
    [
        new("accuracy", Accuracy, "accuracy", DemoFigureFormat.Percent),
        new("ms_per_image", MsPerImage, "ms/image"),
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
    /// <summary>Quick mode: 4,000 training and 1,000 test images, two epochs.</summary>
    public bool Quick { get; init; }

    /// <summary>Output folder (one run folder per configuration, plus results.csv and report.md).</summary>
    public string OutDir { get; init; } = Path.Combine("runs", "demo");

    /// <summary>Optional folder holding a full copy of Fashion-MNIST.</summary>
    public string? DataDir { get; init; }

    /// <summary>Epochs of the full demo.</summary>
    public int FullEpochs { get; init; } = 3;

    /// <summary>Most training images the full demo uses (a class-balanced subset); null for all.</summary>
    public int? TrainLimit { get; init; } = 24_000;

    /// <summary>Seed of every run.</summary>
    public int Seed { get; init; }
}

/// <summary>Receives demo progress per configuration.</summary>
public interface IDemoObserver
{
    /// <summary>Called with the data description once loaded.</summary>
    void DataLoaded(string source, long trainCount, long testCount);

    /// <summary>The observer for one configuration's training run.</summary>
    ITrainingObserver ForRun(string label);

    /// <summary>Called with a line worth showing about the demo's own steps (the audio demos' soundscapes and features).</summary>
    void Note(string line)
    {
    }
}

/// <summary>
/// The main job: trains smallcnn on Fashion-MNIST with standard, separable, compact(max, r=2) and
/// compact(mean, r=2) convolutions under the same budget, then reports accuracy, parameters, MACs
/// and measured inference time. Finished runs are reused and unfinished ones resumed, so an
/// interrupted demo continues where it stopped.
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

    /// <summary>Runs the demo and writes results.csv and report.md into the output folder.</summary>
    public static IReadOnlyList<DemoResult> Run(DemoOptions options, IDemoObserver observer)
    {
        // The full demo caps training at 24,000 images so that four models fit in 15 minutes on two
        // cores even with the 60,000-image set; the test split is always used whole.
        int? trainLimit = options.Quick ? 4000 : options.TrainLimit;
        int? testLimit = options.Quick ? 1000 : null;
        int epochs = options.Quick ? 2 : options.FullEpochs;
        var training = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = options.Quick ? 64 : 128,
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 3e-3,
            WeightDecay = 1e-4,
            Schedule = ScheduleKind.Cosine,
            Seed = options.Seed,
        };
        using var data = ImageTaskData.Load("fashion-mnist", options.DataDir, trainLimit, testLimit, options.Seed);
        observer.DataLoaded(data.Source, data.Train.Count, data.Test.Count);

        var results = new List<DemoResult>();
        var configurations = options.Quick ? Configurations : [.. Configurations, BudgetMatched];
        foreach (var (kind, op, width) in configurations)
        {
            var spec = new ModelSpec
            {
                Name = "smallcnn",
                Conv = kind,
                Op = op,
                R = 2,
                Width = width,
                InputShape = data.InputShape,
                NumClasses = data.ClassNames.Count,
            };
            var config = new RunConfig
            {
                Dataset = "fashion-mnist",
                DataDir = options.DataDir,
                DataSource = data.Source,
                TrainLimit = trainLimit,
                TestLimit = testLimit,
                Model = spec,
                ClassNames = data.ClassNames.ToArray(),
                Normalization = data.Normalization,
                Training = training,
            };
            string runFolder = Path.Combine(options.OutDir, RunName(spec));
            results.Add(RunOne(config, runFolder, data, observer.ForRun(DemoRuns.Label(spec, 1.0))));
        }
        DemoTable.Write(options.OutDir, Title, Notes(data.Source, training, options), results.Select(r => r.ToRow()).ToList());
        return results;
    }

    /// <summary>Folder name of a configuration, e.g. <c>compact-max-r2</c>.</summary>
    public static string RunName(ModelSpec spec) => (spec.Conv == ConvKind.Compact
        ? $"compact-{spec.Op.Name()}-r{spec.R}"
        : spec.Conv.Name()) + (spec.Width == 1.0 ? "" : $"-w{spec.Width.ToString(CultureInfo.InvariantCulture)}");

    private static DemoResult RunOne(RunConfig config, string runFolder, ImageTaskData data, ITrainingObserver observer)
    {
        bool resume = DemoRuns.ResumeOrStart(runFolder, config);
        var clock = Stopwatch.StartNew();
        var result = new Trainer(config, runFolder, observer).Run(data.Train, data.Test, resume);
        clock.Stop();

        using var model = ImageClassification.LoadModel(runFolder, config);
        var cost = ModelCost.Measure(model, config.Model.InputShape.Select(d => (long)d).ToArray());
        double msPerImage = InferenceSpeed.MillisecondsPerImage(model, config.Model.InputShape, batchSize: 256);
        var history = result.History;
        double trainSeconds = history.Sum(h => h.Seconds);
        double imagesPerSecond = history.Count == 0 ? 0 : history.Average(h => h.ImagesPerSecond);
        var (conv, op, r) = DemoRuns.Columns(config.Model);
        return new DemoResult(conv, op, r, config.Model.Width, cost.Parameters, cost.Macs, result.FinalTestAccuracy, msPerImage, trainSeconds, imagesPerSecond, config.Training.Epochs);
    }

    private const string Title = "CompactConv demo: smallcnn on Fashion-MNIST";

    /// <summary>The Markdown report: the comparison table relative to the standard convolution.</summary>
    public static string Report(IReadOnlyList<DemoResult> results, string dataSource, TrainingOptions training, DemoOptions options) =>
        DemoTable.Report(Title, Notes(dataSource, training, options), results.Select(r => r.ToRow()).ToList());

    private static IEnumerable<string> Notes(string dataSource, TrainingOptions training, DemoOptions options) =>
    [
        $"Data: {dataSource}",
        DemoTable.TrainingNote(training, options.Quick),
        $"Inference time: median over 7 forward passes of a batch of 256, {TorchSharp.torch.get_num_threads()} thread(s)",
    ];
}
