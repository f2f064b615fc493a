using System.CommandLine;
using CompactConv.Cli.Rendering;
using CompactConv.Data.Events;
using CompactConv.Pipelines;
using CompactConv.Runtime;
using CompactConv.Training;
using CompactConv.Training.Batches;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv train</c>: trains one model into a run folder.</summary>
public static class TrainCommand
{
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
            RunConfig? saved = resuming ? RunConfig.Load(Path.Combine(runFolder, "config.json")) : null;
            return taskName switch
            {
                "scenes" => TrainScenes(parse, dataset, data, model, audio, options, validation, runFolder, resuming, saved),
                "events" => TrainEvents(parse, dataset, data, model, audio, postProcessing, options, validation, runFolder, resuming, saved),
                _ => TrainImages(parse, dataset, data, model, images, trainLimit, options, validation, runFolder, resuming, saved),
            };
        });
        return command;
    }

    private static int TrainImages(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        ImageDataOptions images, Option<int?> trainLimit, TrainingOptions options, double validationFraction, string runFolder, bool resuming, RunConfig? saved)
    {
        var request = new ImageRunRequest
        {
            Data = new ImageDataRequest
            {
                Dataset = parse.GetValue(dataset) ?? "fashion-mnist",
                DataDir = parse.GetValue(data),
                TrainLimit = parse.GetValue(trainLimit),
                ImageData = images.Parse(parse, options.Seed),
                ValidationFraction = validationFraction,
                Seed = options.Seed,
            },
            BuildSpec = (shape, classes) => model.ToSpec(parse, shape, classes),
            Training = options,
        };
        using var taskData = ImageTaskData.Load(request.Data, saved);
        foreach (var note in taskData.Notes) System.Console.WriteLine($"note: {note}");
        var config = ImageClassification.CreateConfig(request, taskData);
        if (!config.Training.ImageAugmentation.Any)
            return Run(config, runFolder, resuming, taskData.Source, taskData.Train.Count, trainer => trainer.Run(taskData.Train, taskData.Validation, resuming));
        // Augmented batches come from the input pipeline, prepared on a loader thread while the model trains.
        using var batches = ImageBatchSource.ForRun(config, taskData.TrainImages);
        System.Console.WriteLine($"pipeline: augmentation {config.Training.ImageAugmentation.Describe()}, prefetch {config.Training.Prefetch}");
        return Run(config, runFolder, resuming, taskData.Source, taskData.Train.Count, trainer => trainer.Run(batches, taskData.Validation, resuming));
    }

    private static int TrainScenes(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        AudioOptions audio, TrainingOptions options, double validationFraction, string runFolder, bool resuming, RunConfig? saved)
    {
        string name = parse.GetValue(dataset) ?? throw new UsageException("--dataset is required for --task scenes (tau2019, tau2020, esc50, urbansound8k, folders)");
        string dataDir = parse.GetValue(data) ?? throw new UsageException("--data is required for --task scenes");
        var request = audio.Request(parse, name, dataDir, options.Seed) with { ValidationFraction = validationFraction };
        // A resumed run reads the features it was trained with unless --cache says otherwise.
        request = request with { CacheDir = request.CacheDir ?? saved?.FeatureCacheDir };
        using var taskData = FeatureProgress.Run("features", progress =>
            SceneTaskData.Load(request, progress, saved?.Normalization, saved?.Model.InputShape[2]));
        System.Console.WriteLine(FeatureProgress.Describe(taskData.Extraction));
        foreach (var note in taskData.Notes.Take(20)) System.Console.WriteLine($"note: {note}");
        var config = SceneClassification.CreateConfig(request, taskData, (shape, classes) => model.ToSpec(parse, shape, classes), options);
        return Run(config, runFolder, resuming, taskData.Source, taskData.Train.Count, trainer => trainer.Run(taskData.Train, taskData.Validation, resuming));
    }

    private static int TrainEvents(ParseResult parse, Option<string?> dataset, Option<string?> data, ModelOptions model,
        AudioOptions audio, PostProcessingOptionSet postProcessing, TrainingOptions options, double validationFraction, string runFolder, bool resuming, RunConfig? saved)
    {
        string name = parse.GetValue(dataset) ?? throw new UsageException("--dataset is required for --task events (urbansed, desed, tsv)");
        string dataDir = parse.GetValue(data) ?? throw new UsageException("--data is required for --task events");
        if (!EventDatasets.Names.Contains(name)) throw new UsageException($"--dataset: unknown event dataset '{name}' (expected {string.Join(", ", EventDatasets.Names)})");
        // Every option is checked before minutes of feature extraction.
        EventDetection.RequireFrameModel(model.ToSpec(parse, [1, 1, 1], 1).Name);
        var request = audio.EventRequest(parse, name, dataDir, options.Seed) with { ValidationFraction = validationFraction };
        request = request with { CacheDir = request.CacheDir ?? saved?.FeatureCacheDir };
        var post = postProcessing.Parse(parse);
        using var taskData = FeatureProgress.Run("features", progress =>
            EventTaskData.Load(request, progress, saved?.Normalization, saved?.Model.InputShape[2]));
        System.Console.WriteLine(FeatureProgress.Describe(taskData.Extraction));
        foreach (var note in taskData.Notes.Take(20)) System.Console.WriteLine($"note: {note}");
        var config = EventDetection.CreateConfig(request, taskData, (shape, classes) => model.ToSpec(parse, shape, classes), options, post)
            with { FeatureCacheDir = taskData.Extraction.Folder };
        System.Console.WriteLine($"data: {taskData.Source}");
        System.Console.WriteLine($"model: {config.Model.Name} {config.Model.ConvLabel}, {config.Training.Epochs} epochs -> {runFolder}");
        var result = ProgressRenderer.Train(config.Model.ConvLabel, observer => EventDetection.Train(config, runFolder, taskData, resuming, observer), "clips");
        ReportStop(result.Stop, runFolder);
        if (result.History.Count > 0)
        {
            System.Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"best validation event-based F1 {result.BestScore:F4} at epoch {result.BestEpoch}; 'compactconv eval --checkpoint {runFolder} --best' scores the test split"));
        }
        return ExitCodes.Success;
    }

    private static int Run(RunConfig config, string runFolder, bool resuming, string source, long trainCount, Func<Trainer, TrainingResult> train)
    {
        System.Console.WriteLine($"data: {source}");
        System.Console.WriteLine($"model: {config.Model.Name} {config.Model.ConvLabel}, {config.Training.Epochs} epochs on {ComputeDevice.Current} -> {runFolder}");
        var result = ProgressRenderer.Train(config.Model.ConvLabel, observer => train(new Trainer(config, runFolder, observer)), ProgressRenderer.UnitOf(config.Task));
        ReportStop(result.Stop, runFolder);
        // A budget can run out before the first epoch completes: then there is no accuracy yet.
        if (result.History.Count > 0)
        {
            bool validated = !double.IsNaN(result.FinalValidationAccuracy);
            System.Console.WriteLine(validated
                ? $"best validation accuracy {result.BestValidationAccuracy:P2} at epoch {result.BestEpoch} (last epoch {result.FinalValidationAccuracy:P2}); 'compactconv eval --checkpoint {runFolder} --best' scores the test split"
                : $"no validation data: best.model is the last epoch ({result.BestEpoch}); 'compactconv eval --checkpoint {runFolder}' scores the test split");
            long steps = result.History.Count * ((trainCount + config.Training.BatchSize - 1) / config.Training.BatchSize);
            var warning = validated
                ? ChanceLevel.Warning("best validation accuracy", result.BestValidationAccuracy, config.ClassNames.Length, steps)
                : ChanceLevel.Warning("training accuracy", result.History[^1].TrainAccuracy, config.ClassNames.Length, steps);
            if (warning is not null) System.Console.WriteLine($"warning: {warning}");
        }
        return ExitCodes.Success;
    }

    // A budget stop is a success: the checkpoint is complete and the same command with --resume continues it.
    private static void ReportStop(BudgetStop? stop, string runFolder)
    {
        if (stop is null) return;
        System.Console.WriteLine($"{stop.Describe()}; checkpoint saved in {runFolder}, continue with the same command and --resume");
    }
}
