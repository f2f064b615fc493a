using CompactConv.Data;
using CompactConv.Data.Images;
using SkiaSharp;

namespace CompactConv.Tests.Data.Images;

public sealed class ImageFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly SKColor Red = new(255, 0, 0);
    private static readonly SKColor Blue = new(0, 0, 255);
    private static readonly SKColor Odd = new(200, 10, 50);

    // Classes "cat", "dog", "emu" with five solid images each (value 10·class + file number in red).
    private string ThreeClasses()
    {
        string dir = _temp.Folder("images");
        string[] classes = ["cat", "dog", "emu"];
        for (int c = 0; c < classes.Length; c++)
            for (int i = 0; i < 5; i++)
                ImageFiles.Solid(Path.Combine(dir, classes[c], $"img{i}.png"), new SKColor((byte)(10 * c + i), 0, 0));
        return dir;
    }

    private static ImageSplits Load(string dir, ImageDatasetOptions? options = null) => ImageDatasets.Load("folders", dir, options);

    // A folder with one red image at each of the given relative paths.
    private string RedImagesAt(params string[] files)
    {
        string dir = _temp.Folder("images");
        foreach (string file in files) ImageFiles.Solid(Path.Combine(dir, file), Red);
        return dir;
    }

    [Fact]
    public void SeededSplitTakesTheRoundedShareOfEveryClass()
    {
        string dir = ThreeClasses();

        var splits = Load(dir, new ImageDatasetOptions { Seed = 5 });

        Assert.Equal(["cat", "dog", "emu"], splits.Train.ClassNames);
        Assert.Equal([4, 4, 4], splits.Train.CountPerClass());
        Assert.Equal([1, 1, 1], splits.Test.CountPerClass());
        Assert.Equal((3, 32, 32), (splits.Train.Channels, splits.Train.Height, splits.Train.Width));
        Assert.Equal($"image folders in {dir}, 32x32 RGB, seeded split (test fraction 0.2, seed 5) (12 train / 3 test, 3 classes)", splits.Source);
        // Every image is somewhere exactly once: the red values 0-4, 10-14, 20-24 of the top-left pixels.
        var reds = splits.Train.Pixels.Chunk(3 * 32 * 32).Concat(splits.Test.Pixels.Chunk(3 * 32 * 32)).Select(p => (int)p[0]).Order();
        Assert.Equal([0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24], reds);
    }

    [Fact]
    public void TheSplitIsAFunctionOfTheSeed()
    {
        string dir = ThreeClasses();
        byte[] TestPixels(int seed) => Load(dir, new ImageDatasetOptions { Seed = seed }).Test.Pixels;

        Assert.Equal(TestPixels(1), TestPixels(1));
        Assert.Contains(Enumerable.Range(2, 20), seed => !TestPixels(seed).SequenceEqual(TestPixels(1)));
    }

    [Fact]
    public void TestFractionSetsTheShare()
    {
        string dir = ThreeClasses();

        var splits = Load(dir, new ImageDatasetOptions { TestFraction = 0.5 });

        // 5 x 0.5 = 2.5 rounds away from zero.
        Assert.Equal([3, 3, 3], splits.Test.CountPerClass());
    }

    [Fact]
    public void ASolidImageKeepsItsColourThroughTheResize()
    {
        string dir = _temp.Folder("images");
        ImageFiles.Solid(Path.Combine(dir, "a", "1.png"), Odd, width: 7, height: 5);
        ImageFiles.Solid(Path.Combine(dir, "a", "2.png"), Odd, width: 50, height: 40);

        var splits = Load(dir);

        var all = splits.Train.Pixels.Concat(splits.Test.Pixels).ToArray();
        Assert.Equal(2 * 3 * 1024, all.Length);
        for (int image = 0; image < 2; image++)
        {
            Assert.All(all.AsSpan(image * 3072, 1024).ToArray(), v => Assert.Equal(200, v));
            Assert.All(all.AsSpan(image * 3072 + 1024, 1024).ToArray(), v => Assert.Equal(10, v));
            Assert.All(all.AsSpan(image * 3072 + 2048, 1024).ToArray(), v => Assert.Equal(50, v));
        }
    }

    [Fact]
    public void GreyIsTheBt601Luma()
    {
        string dir = _temp.Folder("images");
        ImageFiles.Solid(Path.Combine(dir, "a", "odd.png"), Odd);
        ImageFiles.Solid(Path.Combine(dir, "b", "red.png"), Red);
        ImageFiles.Solid(Path.Combine(dir, "c", "blue.png"), Blue);

        // One image per class: all in training, so the test split would be empty; add a second each.
        ImageFiles.Solid(Path.Combine(dir, "a", "odd2.png"), Odd);
        ImageFiles.Solid(Path.Combine(dir, "b", "red2.png"), Red);
        ImageFiles.Solid(Path.Combine(dir, "c", "blue2.png"), Blue);
        var splits = Load(dir, new ImageDatasetOptions { Grey = true, Height = 4, Width = 4 });

        Assert.Equal(1, splits.Train.Channels);
        // (299·200 + 587·10 + 114·50 + 500) / 1000 = 71; red 76; blue 29.
        Assert.Equal([71, 76, 29], splits.Train.Pixels.Chunk(16).Select(p => (int)p.Distinct().Single()));
        Assert.Contains("4x4 grey", splits.Source);
    }

    [Fact]
    public void HalvesStayApartAfterShrinking()
    {
        string dir = _temp.Folder("images");
        for (int i = 0; i < 2; i++)
            ImageFiles.Write(Path.Combine(dir, "a", $"{i}.png"), 64, 64, (x, _) => x < 32 ? Red : Blue);

        var image = Load(dir).Train.Pixels;

        int RedAt(int y, int x) => image[y * 32 + x];
        int BlueAt(int y, int x) => image[2048 + y * 32 + x];
        foreach (int y in new[] { 0, 15, 31 })
        {
            Assert.Equal((255, 0), (RedAt(y, 0), BlueAt(y, 0)));
            Assert.Equal((255, 0), (RedAt(y, 14), BlueAt(y, 14)));
            Assert.Equal((0, 255), (RedAt(y, 17), BlueAt(y, 17)));
            Assert.Equal((0, 255), (RedAt(y, 31), BlueAt(y, 31)));
        }
    }

    [Fact]
    public void ShrinkingAveragesInsteadOfAliasing()
    {
        string dir = _temp.Folder("images");
        // One-pixel black and white checks shrunk 6.4 times: plain bilinear sampling blends only the
        // 2x2 source pixels around each sample point (weights 0.3/0.7 here, giving 107 or 148); an
        // averaging filter gives mid grey everywhere.
        for (int i = 0; i < 2; i++)
            ImageFiles.Write(Path.Combine(dir, "a", $"{i}.png"), 64, 64, (x, y) => (x + y) % 2 == 0 ? SKColors.White : SKColors.Black);

        var image = Load(dir, new ImageDatasetOptions { Height = 10, Width = 10, Grey = true }).Train.Pixels;

        Assert.All(image, v => Assert.InRange(v, 118, 137));
    }

    [Fact]
    public void ImagesMayBeResizedToARectangle()
    {
        string dir = ThreeClasses();

        var splits = Load(dir, new ImageDatasetOptions { Height = 16, Width = 24 });

        Assert.Equal((3, 16, 24), (splits.Test.Channels, splits.Test.Height, splits.Test.Width));
        Assert.Equal(3 * 3 * 16 * 24, splits.Test.Pixels.Length);
    }

    [Fact]
    public void JpegFilesAreDecodedToo()
    {
        string dir = _temp.Folder("images");
        ImageFiles.Solid(Path.Combine(dir, "a", "1.jpg"), Odd, 16, 16);
        ImageFiles.Solid(Path.Combine(dir, "a", "2.JPEG"), Odd, 16, 16);

        var splits = Load(dir, new ImageDatasetOptions { Height = 16, Width = 16 });

        var pixels = splits.Train.Pixels.Concat(splits.Test.Pixels).ToArray();
        Assert.Equal(2 * 3 * 256, pixels.Length);
        // JPEG is lossy (chroma subsampling, YCbCr rounding): close, not exact.
        Assert.All(pixels.Chunk(256).Select(plane => plane.Average(v => v)).Zip(new double[] { 200, 10, 50, 200, 10, 50 }),
            pair => Assert.InRange(pair.First, pair.Second - 4, pair.Second + 4));
    }

    [Fact]
    public void ExplicitTrainAndTestFoldersFixTheSplit()
    {
        string dir = _temp.Folder("images");
        ImageFiles.Solid(Path.Combine(dir, "train", "cat", "1.png"), Red);
        ImageFiles.Solid(Path.Combine(dir, "train", "cat", "2.png"), Red);
        ImageFiles.Solid(Path.Combine(dir, "train", "dog", "1.png"), Blue);
        ImageFiles.Solid(Path.Combine(dir, "test", "dog", "1.png"), Blue);

        var splits = Load(dir);

        Assert.Equal(["cat", "dog"], splits.Train.ClassNames);
        Assert.Equal([0, 0, 1], splits.Train.Labels);
        Assert.Equal([1], splits.Test.Labels);
        Assert.Equal(0, splits.Test.Pixels[0]);
        Assert.Equal(255, splits.Test.Pixels[2048]);
        Assert.Contains("split by its train/ and test/ folders (3 train / 1 test, 2 classes)", splits.Source);
    }

    [Fact]
    public void ExplicitFoldersRefuseATestFraction()
    {
        string dir = RedImagesAt("train/cat/1.png", "test/cat/1.png");

        var error = Assert.Throws<ArgumentException>(() => Load(dir, new ImageDatasetOptions { TestFraction = 0.3 }));

        Assert.Contains("ImageDatasetOptions.TestFraction does not apply", error.Message);
    }

    [Fact]
    public void ATestClassWithoutTrainingFolderIsAnError()
    {
        string dir = RedImagesAt("train/cat/1.png", "test/cat/1.png", "test/owl/1.png");

        var error = Assert.Throws<DataException>(() => Load(dir));

        Assert.Equal($"{Path.Combine(dir, "test")}: class folders without a training folder: owl", error.Message);
    }

    [Fact]
    public void EveryUndecodableImageIsListedByName()
    {
        string dir = ThreeClasses();
        File.WriteAllText(Path.Combine(dir, "cat", "notes.png"), "not an image at all");
        var whole = File.ReadAllBytes(ImageFiles.Write(Path.Combine(dir, "dog", "cut.png"), 64, 64, (x, y) => new SKColor((byte)(x * 4), (byte)(y * 4), (byte)(x ^ y))));
        File.WriteAllBytes(Path.Combine(dir, "dog", "cut.png"), whole[..(whole.Length / 2)]);
        File.WriteAllBytes(Path.Combine(dir, "emu", "empty.jpg"), []);

        var error = Assert.Throws<DataException>(() => Load(dir));

        Assert.Equal(dir, error.Path);
        Assert.StartsWith($"{dir}: 3 images cannot be used: ", error.Message);
        Assert.Contains("cat/notes.png: not a decodable image (", error.Message);
        Assert.Contains("dog/cut.png: cannot decode: the image data ends early (a cut-off file?)", error.Message);
        Assert.Contains("emu/empty.jpg: empty file", error.Message);
        Assert.EndsWith("; leave them out with ImageDatasetOptions.SkipBad", error.Message);
    }

    [Fact]
    public void SkipBadLeavesThemOutAndListsThem()
    {
        string dir = ThreeClasses();
        File.WriteAllText(Path.Combine(dir, "cat", "notes.png"), "not an image at all");
        File.WriteAllBytes(Path.Combine(dir, "emu", "empty.jpg"), []);

        var splits = Load(dir, new ImageDatasetOptions { SkipBad = true });

        Assert.Equal(15, splits.Train.Count + splits.Test.Count);
        Assert.Equal(2, splits.Skipped.Count);
        Assert.Contains(splits.Skipped, s => s.StartsWith("cat/notes.png: not a decodable image", StringComparison.Ordinal));
        Assert.Contains("emu/empty.jpg: empty file", splits.Skipped);
    }

    [Fact]
    public void AClassLeftWithoutTrainingImagesIsAnError()
    {
        string dir = ThreeClasses();
        ImageFiles.Solid(Path.Combine(dir, "fox", "1.png"), Red);
        File.WriteAllBytes(Path.Combine(dir, "fox", "2.png"), []);
        File.WriteAllBytes(Path.Combine(dir, "fox", "3.png"), []);

        var error = Assert.Throws<DataException>(() => Load(dir, new ImageDatasetOptions { SkipBad = true, TestFraction = 0.4 }));

        Assert.Equal($"{dir}: no usable training images in class 'fox'", error.Message);
    }

    [Fact]
    public void FoldersWithoutImagesAndLooseImagesAreNoted()
    {
        string dir = ThreeClasses();
        Directory.CreateDirectory(Path.Combine(dir, "empty"));
        File.WriteAllText(Path.Combine(dir, "empty", "readme.txt"), "nothing here");
        ImageFiles.Solid(Path.Combine(dir, "stray.png"), Red);
        Directory.CreateDirectory(Path.Combine(dir, ".cache"));

        var splits = Load(dir);

        Assert.Equal(3, splits.Train.ClassNames.Count);
        Assert.Equal(["folder 'empty' has no .png, .jpg or .jpeg images and is not a class", "1 images directly in '.' belong to no class and are ignored"], splits.Notes);
    }

    [Fact]
    public void AFolderWithoutClassFoldersIsAnError()
    {
        string dir = RedImagesAt("stray.png");

        var error = Assert.Throws<DataException>(() => Load(dir));

        Assert.StartsWith($"{dir}: no class folders with .png, .jpg or .jpeg images", error.Message);
    }

    [Fact]
    public void AnEmptyTestSplitIsAnError()
    {
        string dir = ThreeClasses();

        var error = Assert.Throws<DataException>(() => Load(dir, new ImageDatasetOptions { TestFraction = 0 }));

        Assert.Contains("the test split has no images", error.Message);
    }

    [Theory]
    [InlineData(0, 32, null, "ImageDatasetOptions.Height must be from 1 to 4096, got 0x32 (height x width)")]
    [InlineData(32, -1, null, "ImageDatasetOptions.Width must be from 1 to 4096, got 32x-1 (height x width)")]
    // Larger sides overflowed the size of the pixel array instead of being refused.
    [InlineData(100000, 100000, null, "ImageDatasetOptions.Height must be from 1 to 4096, got 100000x100000 (height x width)")]
    [InlineData(32, 4097, null, "ImageDatasetOptions.Width must be from 1 to 4096, got 32x4097 (height x width)")]
    [InlineData(null, null, 1.0, "ImageDatasetOptions.TestFraction must be at least 0 and below 1, got 1")]
    [InlineData(null, null, double.NaN, "ImageDatasetOptions.TestFraction must be at least 0 and below 1, got NaN")]
    public void ImpossibleOptionsAreRefused(int? height, int? width, double? fraction, string message)
    {
        string dir = ThreeClasses();

        var error = Assert.Throws<ArgumentException>(() => Load(dir, new ImageDatasetOptions { Height = height, Width = width, TestFraction = fraction }));

        Assert.StartsWith(message, error.Message);
    }
}
