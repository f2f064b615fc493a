using System.CommandLine;
using CompactConv.Cli.Rendering;
using CompactConv.Pipelines;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv train</c>: trains one model into a run folder.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("train", "Train a model into a run folder (config.json, checkpoint/, log.csv)");
        var task = new Option<string>("--task") { Description = "Task (image)", DefaultValueFactory = _ => "image" };
        var dataset = new Option<string>("--dataset") { Description = "Dataset (fashion-mnist, mnist)", DefaultValueFactory = _ => "fashion-mnist" };
        var data = new Option<string?>("--data") { Description = "Folder with a full copy of the dataset" };
        var model = new ModelOptions();
        var epochs = new Option<int>("--epochs") { Description = "Epochs", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 128 };
        var lr = new Option<double?>("--lr") { Description = "Learning rate (default 0.05 for sgd, 0.003 for adamw)" };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd or adamw", DefaultValueFactory = _ => "sgd" };
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum (Nesterov)", DefaultValueFactory = _ => 0.9 };
        var weightDecay = new Option<double?>("--weight-decay") { Description = "Weight decay (default 5e-4 for sgd, 1e-4 for adamw)" };
        var schedule = new Option<string>("--schedule") { Description = "cosine, step or constant", DefaultValueFactory = _ => "cosine" };
        var stepEpochs = new Option<int>("--step-epochs") { Description = "Epochs between decays of the step schedule", DefaultValueFactory = _ => 30 };
        var gamma = new Option<double>("--gamma") { Description = "Decay factor of the step schedule", DefaultValueFactory = _ => 0.1 };
        var warmup = new Option<double>("--warmup") { Description = "Linear warm-up in epochs", DefaultValueFactory = _ => 0 };
        var smoothing = new Option<double>("--label-smoothing") { Description = "Label smoothing", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
        var trainLimit = new Option<int?>("--train-limit") { Description = "Train on a class-balanced subset of this many images" };
        var output = new Option<string>("--out") { Description = "Run folder", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint" };
        foreach (var option in new Option[] { task, dataset, data })
        {
            command.Options.Add(option);
        }
        model.AddTo(command);
        foreach (var option in new Option[] { epochs, batch, lr, optimizer, momentum, weightDecay, schedule, stepEpochs, gamma, warmup, smoothing, seed, trainLimit, output, resume })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, parse =>
        {
            if (parse.GetValue(task) != "image") throw new UsageException($"--task: '{parse.GetValue(task)}' is not available yet (expected: image)");
            var optimizerKind = parse.GetValue(optimizer) switch
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
            var training = new TrainingOptions
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
            };
            training.Validate();
            var request = new ImageRunRequest
            {
                Dataset = parse.GetValue(dataset)!,
                DataDir = parse.GetValue(data),
                BuildSpec = (shape, classes) => model.ToSpec(parse, shape, classes),
                Training = training,
                TrainLimit = parse.GetValue(trainLimit),
            };
            string runFolder = parse.GetValue(output)!;
            bool resuming = parse.GetValue(resume);
            using var taskData = ImageTaskData.Load(request.Dataset, request.DataDir, request.TrainLimit, null, training.Seed);
            var config = ImageClassification.CreateConfig(request, taskData);
            if (resuming)
            {
                // Resume must use the normalisation the run started with.
                var saved = RunConfig.Load(Path.Combine(runFolder, "config.json"));
                config = config with { Normalization = saved.Normalization };
            }
            System.Console.WriteLine($"data: {taskData.Source}");
            System.Console.WriteLine($"model: {config.Model.Name} {config.Model.ConvLabel}, {config.Training.Epochs} epochs -> {runFolder}");
            var result = ProgressRenderer.Train(config.Model.ConvLabel, observer =>
                new Trainer(config, runFolder, observer).Run(taskData.Train, taskData.Test, resuming));
            System.Console.WriteLine($"final test accuracy {result.FinalTestAccuracy:P2} (best {result.BestAccuracy:P2} at epoch {result.BestEpoch})");
            return ExitCodes.Success;
        });
        return command;
    }
}
