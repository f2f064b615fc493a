using CompactConv.Audio.Features;
using static TorchSharp.torch;
using static CompactConv.Tests.Layers.TensorAssert;

namespace CompactConv.Tests.Audio.Features;

public class BandNormalizerTests
{
    /// <summary>
    /// Two examples of 2 bands with 3 and 2 frames. Band 0 holds 1, 2, 3 | 4, 5: mean 3, population
    /// variance (4 + 1 + 0 + 1 + 4) / 5 = 2. Band 1 is 10 everywhere: constant, so only centred.
    /// </summary>
    private static Tensor[] TwoExamples() =>
    [
        Make([1f, 2f, 3f, 10f, 10f, 10f], [2, 3]),
        Make([4f, 5f, 10f, 10f], [2, 2]),
    ];

    [Fact]
    public void Fit_MeanAndPopulationStdOverAllFrames_ConstantBandKeepsStdOne()
    {
        using var scope = NewDisposeScope();
        var n = BandNormalizer.Fit(TwoExamples());
        Assert.Equal(2, n.Bands);
        Assert.Equal(3.0, n.Mean[0], 1e-12);
        Assert.Equal(Math.Sqrt(2), n.Std[0], 1e-12);
        Assert.Equal(10.0, n.Mean[1], 1e-12);
        Assert.Equal(1.0, n.Std[1]);
    }

    [Fact]
    public void Apply_StandardisesEachBand_On2dAnd3d()
    {
        using var scope = NewDisposeScope();
        var n = BandNormalizer.Fit(TwoExamples());
        double s = Math.Sqrt(2);
        var x = Make([3f, 5f, 10f, 12f], [2, 2]);
        Close([0, 2 / s, 0, 2], n.Apply(x), 1e-6);
        var batch = stack([x, x]);
        var y = n.Apply(batch);
        Shape([2, 2, 2], y);
        Close([0, 2 / s, 0, 2, 0, 2 / s, 0, 2], y, 1e-6);
    }

    [Fact]
    public void Fit_MatchesStatisticsOfTheConcatenatedFrames_FarFromZero()
    {
        using var scope = NewDisposeScope();
        // dB-like values with a large offset, where sum(x^2) - n mean^2 would lose digits in float.
        var generator = new Generator(seed: 5);
        var examples = Enumerable.Range(0, 5).Select(i => (randn(8, 20 + 7 * i, generator: generator) * 3 - 1000).to_type(ScalarType.Float32)).ToArray();
        var n = BandNormalizer.Fit(examples);
        var all = cat(examples, 1).to_type(ScalarType.Float64);
        var mean = all.mean([1]).data<double>().ToArray();
        var std = all.std(1, unbiased: false).data<double>().ToArray();
        for (int b = 0; b < 8; b++)
        {
            Assert.Equal(mean[b], n.Mean[b], 1e-9);
            Assert.Equal(std[b], n.Std[b], 1e-9);
        }
    }

    [Fact]
    public void Json_RoundTrips()
    {
        using var scope = NewDisposeScope();
        var n = new BandNormalizer([-41.5, -60.25], [10.5, 0.125]);
        var json = n.ToJson();
        Assert.Equal("{\"mean\":[-41.5,-60.25],\"std\":[10.5,0.125]}", json);
        var back = BandNormalizer.FromJson(json);
        Assert.Equal(n.Mean, back.Mean);
        Assert.Equal(n.Std, back.Std);
        var x = Make([-41.5f, -30f, -60.25f, -60f], [2, 2]);
        Close([0, 11.5 / 10.5, 0, 2], back.Apply(x), 1e-5);
    }

    [Fact]
    public void BadInput_Throws()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => BandNormalizer.Fit([]));
        Assert.Contains("3 mel bands", Assert.Throws<ArgumentException>(() => BandNormalizer.Fit([zeros(2, 4), zeros(3, 4)])).Message);
        Assert.Throws<ArgumentException>(() => BandNormalizer.Fit([zeros(2, 4, 1)]));
        var n = BandNormalizer.Fit(TwoExamples());
        Assert.Contains("[3, 4]", Assert.Throws<ArgumentException>(() => n.Apply(zeros(3, 4))).Message);
        Assert.Throws<ArgumentException>(() => BandNormalizer.FromJson("{\"mean\":[1,2],\"std\":[1]}"));
        Assert.Throws<ArgumentException>(() => BandNormalizer.FromJson("{\"mean\":[1],\"std\":[0]}"));
        Assert.Throws<ArgumentException>(() => BandNormalizer.FromJson("[oops"));
    }
}
