using CompactConv.Data;
using CompactConv.Pipelines;

namespace CompactConv.Tests.Pipelines;

public class RunInputShapeTests
{
    private static ImageDataset Images(int channels, int height, int width) =>
        new(new byte[4 * channels * height * width], [0, 1, 0, 1], channels, height, width, ["a", "b"], "made here");

    [Fact]
    public void AcceptsImagesOfTheModelsInputShape()
    {
        RunInputShape.Require(Images(1, 28, 28), [1, 28, 28], "/data/mnist");
    }

    [Theory]
    [InlineData(3, 32, 32, "3x32x32")]
    [InlineData(1, 32, 32, "1x32x32")]
    [InlineData(3, 28, 28, "3x28x28")]
    public void RefusesOtherChannelsOrSizesNamingTheDataAndBothShapes(int channels, int height, int width, string held)
    {
        var error = Assert.Throws<DataException>(() => RunInputShape.Require(Images(channels, height, width), [1, 28, 28], "/data/cifar"));
        Assert.Contains("/data/cifar", error.Message);
        Assert.Contains($"holds {held} images", error.Message);
        Assert.Contains("takes 1x28x28 input", error.Message);
    }
}
