using System.CommandLine;
using System.Globalization;
using CompactConv.Data;

namespace CompactConv.Cli.Commands;

/// <summary>
/// <c>data subset</c>: cuts the class-balanced Fashion-MNIST (or MNIST) subset that the repository
/// embeds, so that the committed files can be regenerated and checked by anyone.
/// </summary>
public static class DataSubsetCommand
{
    /// <summary>The <c>data</c> command with its <c>subset</c> subcommand.</summary>
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "Folder with the four IDX files of the full set (raw or .gz)",
            Required = true,
        };
        var to = OutputPaths.Folder(new Option<string>("--to")
        {
            Description = "Folder to write the four .gz IDX files of the subset to",
            Required = true,
        });
        var dataset = new Option<string>("--dataset")
        {
            Description = "fashion-mnist or mnist (decides the class names in messages)",
            DefaultValueFactory = _ => MnistFamily.FashionMnist,
        };
        var trainPerClass = new Option<int>("--train-per-class")
        {
            Description = "Training images kept per class",
            DefaultValueFactory = _ => 1200,
        };
        var testPerClass = new Option<int>("--test-per-class")
        {
            Description = "Test images kept per class",
            DefaultValueFactory = _ => 200,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the shuffle that picks the images",
            DefaultValueFactory = _ => 0,
        };

        var subset = new Command("subset", "Write a class-balanced subset of an MNIST-family dataset as gzip IDX files")
        {
            from, to, dataset, trainPerClass, testPerClass, seed,
        };
        CommandRunner.SetAction(subset, parseResult =>
        {
            ImageSplits full = MnistFamily.Load(parseResult.GetValue(dataset)!, parseResult.GetValue(from)!);
            IReadOnlyList<string> files = IdxSubset.Write(full.Train, full.Test,
                parseResult.GetValue(trainPerClass), parseResult.GetValue(testPerClass),
                parseResult.GetValue(seed), parseResult.GetValue(to)!);
            Console.WriteLine($"Read {full.Source}");
            foreach (string file in files)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {file} ({new FileInfo(file).Length:N0} bytes)"));
            return ExitCodes.Success;
        });

        return new Command("data", "Prepare datasets") { subset };
    }
}
