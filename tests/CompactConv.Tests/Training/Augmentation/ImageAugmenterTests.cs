using CompactConv.Training;
using CompactConv.Training.Augmentation;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training.Augmentation;

public class ImageAugmenterTests
{
    private static ImageAugmentationDraws Draws(int[] top, int[] left, bool[] flip, int[]? row = null, int[]? column = null) =>
        new(top, left, flip, row ?? new int[top.Length], column ?? new int[top.Length]);

    private static float[,] Plane(Tensor x, int image, int channel)
    {
        long h = x.shape[2], w = x.shape[3];
        var values = x[image, channel].data<float>().ToArray();
        var plane = new float[h, w];
        for (int y = 0; y < h; y++)
            for (int c = 0; c < w; c++)
                plane[y, c] = values[y * w + c];
        return plane;
    }

    // Image 1..9 row by row; channel 1 holds ten times channel 0.
    private static Tensor Nine(int images = 1)
    {
        var one = arange(1, 10, dtype: ScalarType.Float32).view(1, 1, 3, 3);
        return cat([one, one * 10], 1).expand(images, 2, 3, 3).contiguous();
    }

    [Fact]
    public void CropReadsTheZeroPaddedImageAtTheDrawnCorner()
    {
        using var scope = NewDisposeScope();
        // Padded by 1 the image is a 5x5 frame of zeros around 1..9; the crop at row 0, column 2 is
        // the top-right 3x3 of it.
        var crop = ImageAugmenter.CropAndFlip(Nine(), 1, Draws([0], [2], [false]));

        Assert.Equal(new float[,] { { 0, 0, 0 }, { 2, 3, 0 }, { 5, 6, 0 } }, Plane(crop, 0, 0));
        Assert.Equal(new float[,] { { 0, 0, 0 }, { 20, 30, 0 }, { 50, 60, 0 } }, Plane(crop, 0, 1));
    }

    [Fact]
    public void FlipMirrorsTheCrop()
    {
        using var scope = NewDisposeScope();
        var crop = ImageAugmenter.CropAndFlip(Nine(), 1, Draws([0], [2], [true]));

        Assert.Equal(new float[,] { { 0, 0, 0 }, { 0, 3, 2 }, { 0, 6, 5 } }, Plane(crop, 0, 0));
    }

    [Fact]
    public void EachImageGetsItsOwnDraws()
    {
        using var scope = NewDisposeScope();
        var x = Nine(3);

        var crops = ImageAugmenter.CropAndFlip(x, 1, Draws([1, 2, 0], [1, 0, 0], [false, false, true]));

        // Corner (1, 1) is no shift; (2, 0) moves the image up one row and right one column.
        Assert.Equal(new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } }, Plane(crops, 0, 0));
        Assert.Equal(new float[,] { { 0, 4, 5 }, { 0, 7, 8 }, { 0, 0, 0 } }, Plane(crops, 1, 0));
        Assert.Equal(new float[,] { { 0, 0, 0 }, { 2, 1, 0 }, { 5, 4, 0 } }, Plane(crops, 2, 0));
        Assert.Equal(1f, x[1, 0, 0, 0].item<float>());
    }

    [Fact]
    public void FlipAloneNeedsNoPadding()
    {
        using var scope = NewDisposeScope();
        var flipped = ImageAugmenter.CropAndFlip(Nine(2), 0, Draws([0, 0], [0, 0], [true, false]));

        Assert.Equal(new float[,] { { 3, 2, 1 }, { 6, 5, 4 }, { 9, 8, 7 } }, Plane(flipped, 0, 0));
        Assert.Equal(new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } }, Plane(flipped, 1, 0));
    }

    [Fact]
    public void CutoutZeroesTheSquareAroundTheCentreClippedToTheImage()
    {
        using var scope = NewDisposeScope();
        var x = ones(2, 2, 4, 4);

        // Image 0: size 2 at (0, 1) covers rows -1..0 and columns 0..1. Image 1: size 2 at (3, 3)
        // covers rows 2..3 and columns 2..3.
        ImageAugmenter.Cutout(x, 2, Draws([0, 0], [0, 0], [false, false], [0, 3], [1, 3]));

        var first = new float[,] { { 0, 0, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 } };
        var second = new float[,] { { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 0, 0 }, { 1, 1, 0, 0 } };
        Assert.Equal(first, Plane(x, 0, 0));
        Assert.Equal(first, Plane(x, 0, 1));
        Assert.Equal(second, Plane(x, 1, 1));
    }

    [Fact]
    public void AnOddCutoutHasItsCentreInTheMiddle()
    {
        using var scope = NewDisposeScope();
        var x = ones(1, 1, 5, 5);

        ImageAugmenter.Cutout(x, 3, Draws([0], [0], [false], [2], [2]));

        Assert.Equal(9L, x.eq(0).sum().item<long>());
        Assert.Equal(0f, x[0, 0, 1, 1].item<float>());
        Assert.Equal(0f, x[0, 0, 3, 3].item<float>());
        Assert.Equal(1f, x[0, 0, 0, 2].item<float>());
    }

    [Fact]
    public void DrawsComeInTheDocumentedOrder()
    {
        var options = new ImageAugmentationOptions { CropPadding = 4, HorizontalFlip = true, CutoutSize = 8 };

        var draws = ImageAugmentationDraws.Draw(2, 32, 30, options, new Random(11));

        var random = new Random(11);
        int[] expected = [random.Next(9), random.Next(9), random.Next(2), random.Next(9), random.Next(9), random.Next(2), random.Next(32), random.Next(30), random.Next(32), random.Next(30)];
        Assert.Equal([expected[0], expected[3]], draws.Top);
        Assert.Equal([expected[1], expected[4]], draws.Left);
        Assert.Equal([expected[2] == 1, expected[5] == 1], draws.Flip);
        Assert.Equal([expected[6], expected[8]], draws.CutoutRow);
        Assert.Equal([expected[7], expected[9]], draws.CutoutColumn);
    }

    [Fact]
    public void DrawsOfAugmentationsThatAreOffAreNotMade()
    {
        var draws = ImageAugmentationDraws.Draw(2, 32, 32, new ImageAugmentationOptions { CutoutSize = 8 }, new Random(3));

        var random = new Random(3);
        Assert.Equal([random.Next(32), random.Next(32)], [draws.CutoutRow[0], draws.CutoutColumn[0]]);
        Assert.Equal([0, 0], draws.Top);
        Assert.Equal([false, false], draws.Flip);
    }

    [Fact]
    public void DrawsStayInRange()
    {
        var options = new ImageAugmentationOptions { CropPadding = 2, HorizontalFlip = true, CutoutSize = 4 };

        var draws = ImageAugmentationDraws.Draw(500, 6, 7, options, new Random(0));

        Assert.Equal(Enumerable.Range(0, 5), draws.Top.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 5), draws.Left.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 6), draws.CutoutRow.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 7), draws.CutoutColumn.Distinct().Order());
        Assert.InRange(draws.Flip.Count(f => f), 200, 300);
    }

    [Fact]
    public void DrawsForAnotherBatchSizeAreRefused()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => ImageAugmenter.CropAndFlip(Nine(2), 1, Draws([0], [0], [false])));

        Assert.StartsWith("the draws are for 1 images, the batch has 2", error.Message);
    }

    [Fact]
    public void OptionsDescribeThemselvesAndRefuseNegativeSizes()
    {
        Assert.Equal("none", new ImageAugmentationOptions().Describe());
        Assert.Equal("crop (pad 4) + flip + cutout 16", new ImageAugmentationOptions { CropPadding = 4, HorizontalFlip = true, CutoutSize = 16 }.Describe());
        Assert.False(new ImageAugmentationOptions().Any);
        Assert.True(new ImageAugmentationOptions { HorizontalFlip = true }.Any);
        Assert.Equal("CropPadding", Assert.Throws<InvalidOptionException>(() => new ImageAugmentationOptions { CropPadding = -1 }.Validate()).Property);
        Assert.Equal("CutoutSize", Assert.Throws<InvalidOptionException>(() => new ImageAugmentationOptions { CutoutSize = -2 }.Validate()).Property);
    }
}
