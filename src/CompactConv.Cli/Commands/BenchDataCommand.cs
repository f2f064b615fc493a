using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.Pipelines;
using CompactConv.Training;
using CompactConv.Training.Batches;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv bench data</c>: images per second of the image input pipeline alone (no model), over repeated rounds.</summary>
public static class BenchDataCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("data", "Images per second of the image input pipeline alone: gather, crop, flip, normalise, cutout");
        var dataset = new Option<string>("--dataset") { Description = "cifar10, cifar100, mnist, fashion-mnist or folders", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (required except for fashion-mnist)" };
        var images = new ImageDataOptions();
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 128 };
        var pipeline = new ImageAugmentationOptionSet();
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time", DefaultValueFactory = _ => 1 };
        var maxBatches = new Option<int?>("--max-batches") { Description = "Stop after this many batches (per round)" };
        var rounds = new Option<int>("--rounds") { Description = "Times the same epochs are timed", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the order, the augmentation and a folder split", DefaultValueFactory = _ => 0 };
        command.Options.Add(dataset);
        command.Options.Add(data);
        images.AddTo(command);
        command.Options.Add(batch);
        pipeline.AddTo(command);
        foreach (var option in new Option[] { epochs, maxBatches, rounds, seed }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            var options = new TrainingOptions
            {
                BatchSize = BenchCommand.Positive("--batch", parse.GetValue(batch)),
                Seed = parse.GetValue(seed),
                Prefetch = pipeline.Prefetch(parse),
                ImageAugmentation = pipeline.Augmentation(parse),
            };
            options.Validate();
            int epochCount = BenchCommand.Positive("--epochs", parse.GetValue(epochs));
            int roundCount = BenchCommand.Positive("--rounds", parse.GetValue(rounds));
            if (parse.GetValue(maxBatches) is < 1) throw new UsageException($"--max-batches must be at least 1, got {parse.GetValue(maxBatches)}");

            var clock = Stopwatch.StartNew();
            // The whole training split feeds the pipeline: nothing is trained, so nothing is held out.
            using var taskData = ImageTaskData.Load(new ImageDataRequest
            {
                Dataset = parse.GetValue(dataset)!,
                DataDir = parse.GetValue(data),
                ImageData = images.Parse(parse, options.Seed),
                ValidationFraction = 0,
                Seed = options.Seed,
            });
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {OptionFlags.ToFlags(taskData.Source)} (loaded in {clock.Elapsed.TotalSeconds:F1} s)"));
            foreach (var note in taskData.Notes) System.Console.WriteLine($"note: {note}");
            using var source = new ImageBatchSource(taskData.TrainImages, taskData.Normalization, options);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pipeline: batch {options.BatchSize}, prefetch {options.Prefetch}, augmentation {options.ImageAugmentation.Describe()}, {TorchSharp.torch.get_num_threads()} thread(s)"));
            var context = MachineContext.AtStart();
            var result = DataThroughput.MeasureRounds(source, roundCount, epochCount, parse.GetValue(maxBatches), (round, r) =>
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}/{roundCount}: {r.Images:N0} images in {r.Batches:N0} batches, {r.Seconds:F2} s: {r.ImagesPerSecond:F0} images/s")));
            context = context.AtEnd();
            System.Console.WriteLine(context.Describe(roundCount, 0));
            var speed = result.ImagesPerSecond;
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"images/s: median {speed.Median:F0}, p10-p90 {speed.P10:F0}-{speed.P90:F0}, min-max {speed.Min:F0}-{speed.Max:F0} over {speed.Count} rounds"));
            if (context.Warning() is { } warning) System.Console.WriteLine(warning);
            return ExitCodes.Success;
        });
        return command;
    }
}
