using System.CommandLine;
using System.Diagnostics;
using CompactConv.Data.Images;

namespace CompactConv.Cli.Commands;

/// <summary>
/// The dataset options of image tasks (<c>--labels</c>, <c>--image-size</c>, <c>--grey</c>,
/// <c>--test-fraction</c>, <c>--skip-bad</c>); shared by <c>train</c> and <c>bench data</c>.
/// </summary>
public sealed class ImageDataOptions
{
    private readonly Option<string?> labels = new("--labels") { Description = "cifar100: fine (100 classes, default) or coarse (20 superclasses)" };
    private readonly Option<string?> imageSize = new("--image-size") { Description = "folders: resize every image to N (square) or HxW pixels (default 32)" };
    private readonly Option<bool> grey = new("--grey") { Description = "folders: decode to one grey channel instead of RGB" };
    private readonly Option<double?> testFraction = new("--test-fraction") { Description = "folders without train/ and test/: share of each class in the test split (default 0.2)" };
    private readonly Option<bool> skipBad;
    private readonly bool ownsSkipBad;

    /// <summary>
    /// The options; <paramref name="sharedSkipBad"/> is a <c>--skip-bad</c> the command already has
    /// (train shares it with the audio tasks), else this set adds its own.
    /// </summary>
    public ImageDataOptions(Option<bool>? sharedSkipBad = null)
    {
        ownsSkipBad = sharedSkipBad is null;
        skipBad = sharedSkipBad ?? new Option<bool>("--skip-bad") { Description = "folders: leave out images that cannot be decoded (listed) instead of failing" };
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { labels, imageSize, grey, testFraction }) command.Options.Add(option);
        if (ownsSkipBad) command.Options.Add(skipBad);
    }

    /// <summary>The dataset options; values a dataset cannot take are refused by <see cref="ImageDatasets.Load"/>.</summary>
    public ImageDatasetOptions Parse(ParseResult parse, int seed)
    {
        var (height, width) = parse.GetValue(imageSize) is { } size ? ParseSize(size) : ((int?)null, (int?)null);
        return new ImageDatasetOptions
        {
            Labels = parse.GetValue(labels) switch
            {
                null => null,
                "fine" => CifarLabelSet.Fine,
                "coarse" => CifarLabelSet.Coarse,
                var other => throw new UsageException($"--labels: unknown label set '{other}' (expected fine or coarse)"),
            },
            Height = height,
            Width = width,
            Grey = parse.GetValue(grey),
            TestFraction = parse.GetValue(testFraction),
            SkipBad = parse.GetValue(skipBad),
            Seed = seed,
        };
    }

    private static (int?, int?) ParseSize(string text)
    {
        return ShapeForm.SideOrHeightWidth.Parse("--image-size", text) switch
        {
            [var side] => (side, side),
            [var height, var width] => (height, width),
            _ => throw new UnreachableException(),
        };
    }
}
