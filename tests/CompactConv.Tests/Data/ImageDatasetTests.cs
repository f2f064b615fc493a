using CompactConv.Data;
using static TorchSharp.torch;

namespace CompactConv.Tests.Data;

public sealed class ImageDatasetTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    // Four 2x2 single-channel images whose pixels are 10*image + position; labels 0, 1, 2, 1.
    private static ImageDataset Small()
    {
        var pixels = new byte[4 * 4];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(10 * (i / 4) + i % 4);
        return new ImageDataset(pixels, [0, 1, 2, 1], 1, 2, 2, Classes, "test images");
    }

    [Fact]
    public void CountsImagesAndClasses()
    {
        ImageDataset data = Small();

        Assert.Equal(4, data.Count);
        Assert.Equal(4, data.ImageSize);
        Assert.Equal([1, 2, 1], data.CountPerClass());
    }

    [Fact]
    public void TakeCopiesTheChosenImagesInOrder()
    {
        ImageDataset data = Small();

        ImageDataset subset = data.Take([2, 0, 2]);

        Assert.Equal([2L, 0L, 2L], subset.Labels);
        Assert.Equal(new byte[] { 20, 21, 22, 23, 0, 1, 2, 3, 20, 21, 22, 23 }, subset.Pixels);
        Assert.Equal("test images, 3 selected images", subset.Source);
        Assert.Same(data.ClassNames, subset.ClassNames);
        subset.Pixels[0] = 99;
        Assert.Equal(20, data.Pixels[8]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void TakeRejectsIndicesOutsideTheSet(int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Small().Take([0, index]));
    }

    [Fact]
    public void ConstructorRejectsPixelCountThatDoesNotMatch()
    {
        Assert.Throws<ArgumentException>(() => new ImageDataset(new byte[15], [0, 1, 2, 1], 1, 2, 2, Classes, "x"));
    }

    [Fact]
    public void ConstructorRejectsLabelOutsideClasses()
    {
        Assert.Throws<ArgumentException>(() => new ImageDataset(new byte[16], [0, 1, 3, 1], 1, 2, 2, Classes, "x"));
    }

    [Fact]
    public void ToTensorsScalesToUnitRangeInNchwLayout()
    {
        var pixels = new byte[] { 0, 51, 255, 102, 0, 0, 0, 255 };
        var data = new ImageDataset(pixels, [2, 0], 2, 1, 2, Classes, "x");

        var (images, labels) = data.ToTensors();
        using (images)
        using (labels)
        {
            Assert.Equal(new long[] { 2, 2, 1, 2 }, images.shape);
            Assert.Equal(ScalarType.Float32, images.dtype);
            Assert.Equal(new float[] { 0f, 0.2f, 1f, 0.4f, 0f, 0f, 0f, 1f }, images.data<float>().ToArray());
            Assert.Equal(ScalarType.Int64, labels.dtype);
            Assert.Equal(new long[] { 2 }, labels.shape);
            Assert.Equal(new long[] { 2, 0 }, labels.data<long>().ToArray());
        }
    }

    [Fact]
    public void ToTensorsOfIndicesGivesOneBatch()
    {
        ImageDataset data = Small();

        var (images, labels) = data.ToTensors([3, 1]);
        using (images)
        using (labels)
        {
            Assert.Equal(new long[] { 2, 1, 2, 2 }, images.shape);
            Assert.Equal(30f / 255f, images[0, 0, 0, 0].item<float>());
            Assert.Equal(new long[] { 1, 1 }, labels.data<long>().ToArray());
        }
    }
}
