using System.CommandLine;
using CompactConv.Training.Augmentation;
using CompactConv.Training;

namespace CompactConv.Cli.Commands;

/// <summary>
/// The image input pipeline's options (<c>--crop-padding</c>, <c>--flip</c>, <c>--cutout</c>,
/// <c>--prefetch</c>); shared by <c>train --task image</c> and <c>bench data</c>.
/// </summary>
public sealed class ImageAugmentationOptionSet
{
    private readonly Option<int> cropPadding = new("--crop-padding") { Description = "image: random crop after zero padding of N pixels per side (0: off)", DefaultValueFactory = _ => 0 };
    private readonly Option<bool> flip = new("--flip") { Description = "image: random horizontal flip" };
    private readonly Option<int> cutout = new("--cutout") { Description = "image: cutout hole side in pixels (0: off)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> prefetch = new("--prefetch")
    {
        Description = $"image: batches prepared ahead on a loader thread while the model trains (0 to {TrainingOptions.MaxPrefetch}; 0: on the training thread)",
        DefaultValueFactory = _ => 2,
    };

    private Option[] All => [cropPadding, flip, cutout, prefetch];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>The augmentation the options ask for; impossible values are refused by its Validate.</summary>
    public ImageAugmentationOptions Augmentation(ParseResult parse) => new()
    {
        CropPadding = parse.GetValue(cropPadding),
        HorizontalFlip = parse.GetValue(flip),
        CutoutSize = parse.GetValue(cutout),
    };

    /// <summary>The prefetch depth.</summary>
    public int Prefetch(ParseResult parse) => parse.GetValue(prefetch);
}
