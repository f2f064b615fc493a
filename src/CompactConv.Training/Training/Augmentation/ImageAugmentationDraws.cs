namespace CompactConv.Training.Augmentation;

/// <summary>
/// The random choices of one batch's image augmentation, one entry per image. Kept apart from the
/// tensor work so that the draws alone decide the result: the same draws give the same batch on any
/// thread.
/// </summary>
/// <param name="Top">First row of the crop in the padded image (0 .. 2·padding; padding means no shift).</param>
/// <param name="Left">First column of the crop in the padded image.</param>
/// <param name="Flip">Whether the crop is mirrored left-right.</param>
/// <param name="CutoutRow">Row of the cutout hole's centre (0 .. height − 1).</param>
/// <param name="CutoutColumn">Column of the cutout hole's centre (0 .. width − 1).</param>
public sealed record ImageAugmentationDraws(int[] Top, int[] Left, bool[] Flip, int[] CutoutRow, int[] CutoutColumn)
{
    /// <summary>
    /// Draws the choices of <paramref name="count"/> images of <paramref name="height"/> x
    /// <paramref name="width"/>: for each image in turn its crop row, crop column and flip (only the
    /// draws of augmentations that are on), then for each image its cutout centre. Changing this
    /// order changes every augmented run, so it is fixed here and documented in docs/image-data.md.
    /// </summary>
    public static ImageAugmentationDraws Draw(int count, int height, int width, ImageAugmentationOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var top = new int[count];
        var left = new int[count];
        var flip = new bool[count];
        var row = new int[count];
        var column = new int[count];
        int positions = 2 * options.CropPadding + 1;
        for (int i = 0; i < count; i++)
        {
            if (options.CropPadding > 0)
            {
                top[i] = random.Next(positions);
                left[i] = random.Next(positions);
            }
            flip[i] = options.HorizontalFlip && random.Next(2) == 1;
        }
        if (options.CutoutSize > 0)
        {
            for (int i = 0; i < count; i++)
            {
                row[i] = random.Next(height);
                column[i] = random.Next(width);
            }
        }
        return new ImageAugmentationDraws(top, left, flip, row, column);
    }
}
