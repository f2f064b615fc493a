using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training.Augmentation;

/// <summary>
/// Random crop with zero padding, horizontal flip and cutout on whole batches [N, C, H, W], each
/// image with its own <see cref="ImageAugmentationDraws"/>, as a few tensor operations per batch.
/// TorchSharp's torchvision transforms are not used: they draw from torch's global generator, which
/// the training thread also uses (dropout, stochastic pooling), so a loader thread drawing from it
/// would make runs irreproducible; and a batch tensor gets one crop and one flip for all its images.
/// </summary>
public static class ImageAugmenter
{
    /// <summary>
    /// Pads every image with <paramref name="padding"/> zeros on each side, crops it back to H x W at
    /// (<see cref="ImageAugmentationDraws.Top"/>, <see cref="ImageAugmentationDraws.Left"/>) and mirrors
    /// the crops whose <see cref="ImageAugmentationDraws.Flip"/> is set. Both steps are one
    /// <c>gather</c> each along rows and columns; the flip only reverses the column indices.
    /// </summary>
    /// <returns>A new tensor; <paramref name="images"/> is not modified.</returns>
    public static Tensor CropAndFlip(Tensor images, int padding, ImageAugmentationDraws draws)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        CheckCount(draws, n);
        using var scope = NewDisposeScope();
        var x = images;
        if (padding > 0)
        {
            x = nn.functional.pad(images, [padding, padding, padding, padding], PaddingModes.Constant, 0);
            var rows = new long[n * h];
            for (long i = 0; i < n; i++)
            {
                for (long r = 0; r < h; r++) rows[i * h + r] = draws.Top[i] + r;
            }
            x = x.gather(2, tensor(rows).view(n, 1, h, 1).expand(n, c, h, w + 2 * padding));
        }
        var columns = new long[n * w];
        for (long i = 0; i < n; i++)
        {
            for (long j = 0; j < w; j++) columns[i * w + j] = (padding > 0 ? draws.Left[i] : 0) + (draws.Flip[i] ? w - 1 - j : j);
        }
        return x.gather(3, tensor(columns).view(n, 1, 1, w).expand(n, c, h, w)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Sets one square of side <paramref name="size"/> per image to zero, in place, on all channels:
    /// rows centre − size/2 .. centre − size/2 + size − 1 (integer division), clipped to the image, and
    /// the same for columns, so a hole near the border is partly outside (DeVries and Taylor 2017).
    /// Applied after normalisation, zero is the training set's mean.
    /// </summary>
    public static void Cutout(Tensor images, int size, ImageAugmentationDraws draws)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        long n = images.shape[0], h = images.shape[2], w = images.shape[3];
        CheckCount(draws, n);
        using var scope = NewDisposeScope();
        var rowsIn = Inside(h, draws.CutoutRow, size);
        var columnsIn = Inside(w, draws.CutoutColumn, size);
        var hole = rowsIn.view(n, 1, h, 1).logical_and(columnsIn.view(n, 1, 1, w));
        images.masked_fill_(hole, 0);
    }

    // [N, length] booleans: whether each position lies in image i's hole along one axis.
    private static Tensor Inside(long length, int[] centres, int size)
    {
        var first = tensor(centres.Select(c => (long)(c - size / 2)).ToArray()).view(-1, 1);
        var positions = arange(length, dtype: ScalarType.Int64).view(1, -1);
        return positions.ge(first).logical_and(positions.lt(first + size));
    }

    private static void CheckCount(ImageAugmentationDraws draws, long images)
    {
        if (draws.Top.Length != images)
            throw new ArgumentException($"the draws are for {draws.Top.Length} images, the batch has {images}", nameof(draws));
    }
}
