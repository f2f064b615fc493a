using System.CommandLine;
using CompactConv.Cli.Rendering;
using CompactConv.Data.Events;
using CompactConv.Pipelines;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv train</c>: trains one model into a run folder.</summary>
public static class TrainCommand
{
    // The image dataset without --dataset: the one the demo and the embedded subset use.
    private const string DefaultImageDataset = "fashion-mnist";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("train", "Train a model into a run folder (config.json, checkpoint/, log.csv)");
        var task = new Option<string>("--task") { Description = "Task: image, scenes or events", DefaultValueFactory = _ => "image" };
        var dataset = new Option<string?>("--dataset") { Description = "image: cifar10, cifar100, mnist, fashion-mnist, folders; scenes: tau2019, tau2020, esc50, urbansound8k, folders; events: urbansed, desed, tsv" };
        var data = new Option<string?>("--data") { Description = "Dataset folder (required except for fashion-mnist)" };
        var model = new ModelOptions();
        var audio = new AudioOptions();
        var images = new ImageDataOptions(audio.SkipBad);
        var pipeline = new ImageAugmentationOptionSet();
        var training = new TrainingOptionSet();
        var postProcessing = new PostProcessingOptionSet();
        var trainLimit = new Option<int?>("--train-limit") { Description = "image: use a class-balanced subset of this many training-split images (validation included)" };
        var validationFraction = new Option<double>("--validation-fraction")
        {
            Description = "Share of the training data held out for validation, which picks the best epoch (by class for images, by source recording for scenes, by clip for events); the dataset's own validation split is used where it has one; 0 for none (the last epoch is then the best)",
            DefaultValueFactory = _ => RunConfig.DefaultValidationFraction,
        };
        var output = OutputPaths.Folder(new Option<string>("--out") { Description = "Run folder", Required = true });
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint" };
        command.Options.Add(task);
        command.Options.Add(dataset);
        command.Options.Add(data);
        model.AddTo(command);
        training.AddTo(command);
        audio.AddDataOptionsTo(command);
        audio.AddAugmentationOptionsTo(command);
        images.AddTo(command);
        pipeline.AddTo(command);
        postProcessing.AddTo(command);
        command.Options.Add(trainLimit);
        command.Options.Add(validationFraction);
        command.Options.Add(output);
        command.Options.Add(resume);

        CommandRunner.SetAction(command, parse =>
        {
            string taskName = parse.GetValue(task)!;
            TaskOptionCheck.RefuseForTask(parse, taskName);
            bool audioTask = taskName != "image";
            var options = training.Parse(parse, defaultOptimizer: audioTask ? "adamw" : "sgd") with
            {
                Augmentation = audio.Augmentation(parse),
                ImageAugmentation = pipeline.Augmentation(parse),
                Prefetch = pipeline.Prefetch(parse),
            };
            options.Validate();
            System.Console.WriteLine($"training: {training.Describe(parse, options)}");
            double validation = parse.GetValue(validationFraction);
            // Written so that NaN fails too.
            if (!(validation >= 0 && validation < 1)) throw new UsageException($"--validation-fraction must be at least 0 and below 1, got {validation}");
            string runFolder = parse.GetValue(output)!;
            bool resuming = parse.GetValue(resume);
            // "Being written by" is the first thing to say of a busy folder, before what its config.json
            // (perhaps not written yet) holds; the lock comes before minutes of data loading, so that a
            // second writer is refused at once.
            RunLock.ThrowIfHeld(runFolder);
            RunConfig? saved = resuming ? RunConfig.Load(Path.Combine(runFolder, "config.json")) : null;
            using var runLock = RunFolder.Lock(runFolder, "train", System.Console.WriteLine);
            RunFolder.Check(runFolder, resuming);
            if (saved is not null)
            {
                RunFolder.CheckResume(runFolder, saved, previous => previous with
                {
                    Task = taskName,
                    // Audio tasks refuse a missing --dataset once the checks are done.
                    Dataset = parse.GetValue(dataset) ?? (audioTask ? previous.Dataset : DefaultImageDataset),
                    DataDir = parse.GetValue(data),
                    ValidationFraction = validation,
                    Model = model.ToSpec(parse, previous.Model.InputShape, previous.Model.NumClasses),
                    Training = options,
                });
            }
            using var signals = StopSignals.Listen();
            var run = new RunTarget(runFolder, resuming, saved, signals.Token);
            return taskName switch
            {
                "scenes" => TrainScenes(parse, dataset, data, model, audio, options, validation, run),
                "events" => TrainEvents(parse, dataset, data, model, audio, postProcessing, options, validation, run),
                _ => TrainImages(parse, dataset, data, model, images, trainLimit, options, validation, run),
            };
        });
        return command;
    }

    private static int TrainImages(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        ImageDataOptions images, Option<int?> trainLimit, TrainingOptions options, double validationFraction, RunTarget run)
    {
        var request = new ImageRunRequest
        {
            Data = new ImageDataRequest
            {
                Dataset = parse.GetValue(dataset) ?? DefaultImageDataset,
                DataDir = parse.GetValue(data),
                TrainLimit = parse.GetValue(trainLimit),
                ImageData = images.Parse(parse, options.Seed),
                ValidationFraction = validationFraction,
                Seed = options.Seed,
            },
            BuildSpec = (shape, classes) => model.ToSpec(parse, shape, classes),
            Training = options,
        };
        using var prepared = ImageClassification.Prepare(request, run.Saved);
        return ReportClassification(parse, prepared, run);
    }

    private static int TrainScenes(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        AudioOptions audio, TrainingOptions options, double validationFraction, RunTarget run)
    {
        var request = AudioRequest(parse, dataset, data, model, audio, options, validationFraction, "scenes", "tau2019, tau2020, esc50, urbansound8k, folders");
        using var prepared = FeatureProgress.Run("features", progress => SceneClassification.Prepare(request with { FeatureProgress = progress }, run.Saved));
        return ReportClassification(parse, prepared, run);
    }

    private static int TrainEvents(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        AudioOptions audio, PostProcessingOptionSet postProcessing, TrainingOptions options, double validationFraction, RunTarget run)
    {
        var request = AudioRequest(parse, dataset, data, model, audio, options, validationFraction, "events", string.Join(", ", EventDatasets.Names));
        if (!EventDatasets.Names.Contains(request.Data.Dataset))
            throw new UsageException($"--dataset: unknown event dataset '{request.Data.Dataset}' (expected {string.Join(", ", EventDatasets.Names)})");
        request = request with { PostProcessing = postProcessing.Parse(parse) };
        using var prepared = FeatureProgress.Run("features", progress => EventDetection.Prepare(request with { FeatureProgress = progress }, run.Saved));
        ShowPrepared(parse, prepared, run);
        var result = ProgressRenderer.Train(prepared.Config.Model.ConvLabel, observer => prepared.Train(run.For(observer, parse)), "clips");
        ReportStop(result.Stop, run.Folder);
        if (result.History.Count > 0)
        {
            System.Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"best validation event-based F1 {result.BestScore:F4} at epoch {result.BestEpoch}; 'compactconv eval --checkpoint {run.Folder} --best' scores the test split"));
        }
        return ExitCodes.Success;
    }

    // The scene and event request from the options: both audio tasks need --dataset and --data.
    private static AudioRunRequest AudioRequest(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        AudioOptions audio, TrainingOptions options, double validationFraction, string task, string datasets)
    {
        string name = parse.GetValue(dataset) ?? throw new UsageException($"--dataset is required for --task {task} ({datasets})");
        string dataDir = parse.GetValue(data) ?? throw new UsageException($"--data is required for --task {task}");
        return new AudioRunRequest
        {
            Data = audio.Request(parse, name, dataDir, options.Seed) with { ValidationFraction = validationFraction },
            BuildSpec = (shape, classes) => model.ToSpec(parse, shape, classes),
            Training = options,
        };
    }

    // What was loaded and what will train, before the progress of training.
    private static void ShowPrepared<TResult>(ParseResult parse, PreparedTraining<TResult> prepared, RunTarget run)
    {
        if (prepared.Extraction is { } extraction) System.Console.WriteLine(FeatureProgress.Describe(extraction));
        // Audio datasets can leave out thousands of files: the first 20 say what is wrong.
        var notes = prepared.Extraction is null ? prepared.Notes : prepared.Notes.Take(20);
        foreach (var note in notes) System.Console.WriteLine($"note: {OptionFlags.ToFlags(note)}");
        if (prepared.InputPipeline is { } pipeline) System.Console.WriteLine($"pipeline: {pipeline}");
        var config = prepared.Config;
        System.Console.WriteLine($"data: {OptionFlags.ToFlags(prepared.Source)}");
        System.Console.WriteLine($"model: {config.Model.Name} {config.Model.ConvLabel}, {config.Training.Epochs} epochs on {GlobalOptions.DeviceOf(parse)} -> {run.Folder}");
    }

    private static int ReportClassification(ParseResult parse, PreparedTraining<TrainingResult> prepared, RunTarget run)
    {
        ShowPrepared(parse, prepared, run);
        var config = prepared.Config;
        string runFolder = run.Folder;
        var result = ProgressRenderer.Train(config.Model.ConvLabel, observer => prepared.Train(run.For(observer, parse)), ProgressRenderer.UnitOf(config.Task));
        ReportStop(result.Stop, runFolder);
        // A budget can run out before the first epoch completes: then there is no accuracy yet.
        if (result.History.Count > 0)
        {
            bool validated = !double.IsNaN(result.FinalValidationAccuracy);
            System.Console.WriteLine(validated
                ? $"best validation accuracy {result.BestValidationAccuracy:P2} at epoch {result.BestEpoch} (last epoch {result.FinalValidationAccuracy:P2}); 'compactconv eval --checkpoint {runFolder} --best' scores the test split"
                : $"no validation data: best.model is the last epoch ({result.BestEpoch}); 'compactconv eval --checkpoint {runFolder}' scores the test split");
            long steps = result.History.Count * ((prepared.TrainCount + config.Training.BatchSize - 1) / config.Training.BatchSize);
            var warning = validated
                ? ChanceLevel.Warning("best validation accuracy", result.BestValidationAccuracy, config.ClassNames.Length, steps)
                : ChanceLevel.Warning("training accuracy", result.History[^1].TrainAccuracy, config.ClassNames.Length, steps);
            if (warning is not null) System.Console.WriteLine($"warning: {OptionFlags.ToFlags(warning)}");
        }
        return ExitCodes.Success;
    }

    // A budget stop is a success: the checkpoint is complete and the same command with --resume continues
    // it. A stop by a signal is not (the command did not do what it was asked): exit code 75, through CommandRunner.
    private static void ReportStop(TrainingStop? stop, string runFolder)
    {
        if (stop is null) return;
        if (stop.RequestedBy is not null) throw new TrainingStoppedException(stop, runFolder, "continue with the same command and --resume");
        System.Console.WriteLine($"{stop.Describe()}; checkpoint saved in {runFolder}, continue with the same command and --resume");
    }

    // The run folder as the options name it, what it holds when resuming, and the stop the signals request.
    private sealed record RunTarget(string Folder, bool Resuming, RunConfig? Saved, StopToken Stop)
    {
        public TrainingRun For(ITrainingObserver observer, ParseResult parse) => new(Folder, Resuming, observer, Stop, GlobalOptions.DeviceOf(parse));
    }
}
