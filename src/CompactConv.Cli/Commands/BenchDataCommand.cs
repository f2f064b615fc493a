using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CompactConv.Benchmarks;
using CompactConv.Pipelines;
using CompactConv.Training.Batches;

namespace CompactConv.Cli.Commands;

/// <summary><c>compactconv bench data</c>: images per second of the image input pipeline alone (no model).</summary>
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
        var maxBatches = new Option<int?>("--max-batches") { Description = "Stop after this many batches" };
        var seed = new Option<int>("--seed") { Description = "Seed of the order, the augmentation and a folder split", DefaultValueFactory = _ => 0 };
        command.Options.Add(dataset);
        command.Options.Add(data);
        images.AddTo(command);
        command.Options.Add(batch);
        pipeline.AddTo(command);
        foreach (var option in new Option[] { epochs, maxBatches, seed }) command.Options.Add(option);
        CommandRunner.SetAction(command, parse =>
        {
            var options = new ImageBatchOptions
            {
                BatchSize = BenchCommand.Positive("--batch", parse.GetValue(batch)),
                Seed = parse.GetValue(seed),
                Prefetch = pipeline.Prefetch(parse),
                Augmentation = pipeline.Augmentation(parse),
            };
            options.Validate();
            int epochCount = BenchCommand.Positive("--epochs", parse.GetValue(epochs));
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
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {taskData.Source} (loaded in {clock.Elapsed.TotalSeconds:F1} s)"));
            foreach (var note in taskData.Notes) System.Console.WriteLine($"note: {note}");
            using var source = new ImageBatchSource(taskData.TrainImages, taskData.Normalization, options);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pipeline: batch {options.BatchSize}, prefetch {options.Prefetch}, augmentation {options.Augmentation.Describe()}, {TorchSharp.torch.get_num_threads()} thread(s)"));
            var result = DataThroughput.Measure(source, epochCount, parse.GetValue(maxBatches));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Images:N0} images in {result.Batches:N0} batches, {result.Seconds:F2} s: {result.ImagesPerSecond:F0} images/s"));
            return ExitCodes.Success;
        });
        return command;
    }
}
