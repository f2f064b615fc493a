using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;
using static CompactConv.Tests.Layers.TensorAssert;

namespace CompactConv.Tests.Layers;

/// <summary>Every <see cref="ConvKind"/> built through the factory: shapes, parameter counts, gradient flow, errors.</summary>
public class ConvFactoryTests
{
    private const long C = 8, O = 16;

    public static TheoryData<ConvKind> AllKinds()
    {
        var data = new TheoryData<ConvKind>();
        foreach (var kind in ConvKinds.All) data.Add(kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void OutputShape_SameAndStrideTwoAndDilated(ConvKind kind)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(11);
        var x = randn(2, C, 10, 12);

        using var same = ConvFactory.Create(kind, C, O, kernelSize: 3);
        Shape([2, O, 10, 12], same.forward(x));

        // Padding 1 with stride 2: floor((10 + 2 - 3) / 2) + 1 = 5 and floor((12 + 2 - 3) / 2) + 1 = 6.
        using var strided = ConvFactory.Create(kind, C, O, kernelSize: 3, stride: 2);
        Shape([2, O, 5, 6], strided.forward(x));

        // Effective kernel 1 + 2 * (5 - 1) = 9 with "same" padding 4 keeps the size.
        using var dilated = ConvFactory.Create(kind, C, O, kernelSize: 5, dilation: 2);
        Shape([2, O, 10, 12], dilated.forward(x));
    }

    [Fact]
    public void Ghost_OddOutputChannels_TrimsToRequestedCount()
    {
        using var scope = NewDisposeScope();
        using var ghost = ConvFactory.Create(ConvKind.Ghost, C, 15, kernelSize: 3);
        Shape([1, 15, 4, 4], ghost.forward(randn(1, C, 4, 4)));
    }

    /// <summary>
    /// Parameter counts from the cost formulas, for C = 8, O = 16 (BN adds weight and bias per channel).
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void ParameterCounts_MatchFormulas(long k)
    {
        long Count(ConvKind kind, ConvOptions? options = null)
        {
            using var m = ConvFactory.Create(kind, C, O, k, options: options);
            return ParameterCount(m);
        }

        long depthwise = k * k * C + 2 * C;
        Assert.Equal(k * k * C * O + 2 * O, Count(ConvKind.Standard));
        long separable = depthwise + C * O + 2 * O;
        Assert.Equal(separable, Count(ConvKind.Separable));

        foreach (int r in new[] { 2, 4 })
        {
            var options = ConvOptions.Default with { R = r };
            long compact = depthwise + C / r * O + 2 * O;
            Assert.Equal(compact, Count(ConvKind.Compact, options));
            // The pool itself is free: all the saving is in the narrower 1x1 convolution.
            Assert.Equal(separable - (C - C / r) * O, Count(ConvKind.Compact, options));
            // The learned squeeze pays C * C/r weights for what the pool does for nothing.
            Assert.Equal(compact + C * (C / r), Count(ConvKind.Squeeze, options));
        }

        // Shuffle: grouped 1x1 C -> C + BN, depth-wise k x k + BN, grouped 1x1 C -> O + BN, g = 4 for (8, 16).
        long g = ShuffleConv2d.ChooseGroups(C, O, ConvOptions.Default.ShuffleGroups);
        Assert.Equal(4, g);
        Assert.Equal(C * C / g + 2 * C + depthwise + C * O / g + 2 * O, Count(ConvKind.Shuffle));

        // Ghost, s = 2, cheap kernel 3: primary k x k C -> m + BN with m = ceil(O / 2) = 8,
        // cheap depth-wise 3x3 m -> m + BN.
        long m = (O + 1) / 2;
        Assert.Equal(k * k * C * m + 2 * m + 3 * 3 * m + 2 * m, Count(ConvKind.Ghost));
    }

    [Fact]
    public void ParameterCounts_WithoutNorm_ConvsGetBiases()
    {
        var options = ConvOptions.Default with { NormAfterDepthwise = false, NormAtOutput = false };
        using var compact = ConvFactory.Create(ConvKind.Compact, C, O, 3, options: options);
        Assert.Equal(9 * C + C + C / 2 * O + O, ParameterCount(compact));
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Backward_ReachesEveryParameter(ConvKind kind)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(5);
        using var block = ConvFactory.Create(kind, C, O, kernelSize: 3);
        var x = randn(2, C, 6, 6);
        var y = block.forward(x);
        // Random weights on the output: a plain sum after BN has zero gradient for the BN scale.
        (y * randn(y.shape)).sum().backward();

        var parameters = block.named_parameters().ToList();
        Assert.NotEmpty(parameters);
        foreach (var (name, p) in parameters)
        {
            var grad = p.grad;
            Assert.True(grad is not null, $"{kind}: {name} has no gradient");
            Assert.True(grad!.abs().max().item<float>() > 0, $"{kind}: {name} has an all-zero gradient");
        }
    }

    [Fact]
    public void Compact_NonDivisibleChannels_Throws_NamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => new CompactConv2d(6, 8, 3, options: ConvOptions.Default with { R = 4 }));
        Assert.Contains("6", e.Message);
        Assert.Contains("4", e.Message);
        var viaFactory = Assert.Throws<ArgumentException>(() =>
            ConvFactory.Create(ConvKind.Compact, 6, 8, options: ConvOptions.Default with { R = 4 }));
        Assert.Contains("6", viaFactory.Message);
        Assert.Contains("4", viaFactory.Message);
    }

    [Theory]
    [InlineData(ConvKind.Compact, 0)]
    [InlineData(ConvKind.Compact, -1)]
    [InlineData(ConvKind.Squeeze, 0)]
    [InlineData(ConvKind.Squeeze, -1)]
    public void NonPositiveR_Throws_NamingValue(ConvKind kind, int r)
    {
        var e = Assert.Throws<ArgumentException>(() => ConvFactory.Create(kind, 8, 8, options: ConvOptions.Default with { R = r }));
        Assert.Matches($@"(^|[^\d-]){r}\b", e.Message);
    }

    [Fact]
    public void Squeeze_NonDivisibleChannels_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ConvFactory.Create(ConvKind.Squeeze, 6, 8, options: ConvOptions.Default with { R = 4 }));
        Assert.Contains("6", e.Message);
    }

    [Theory]
    [InlineData(0, 8, 3, 1)]
    [InlineData(8, 0, 3, 1)]
    [InlineData(8, 8, 0, 1)]
    [InlineData(8, 8, 3, 0)]
    public void Factory_NonPositiveGeometry_Throws(long inChannels, long outChannels, long kernel, long stride)
    {
        Assert.Throws<ArgumentException>(() => ConvFactory.Create(ConvKind.Standard, inChannels, outChannels, kernel, stride));
    }

    [Fact]
    public void Parse_UnknownKind_Throws_NamingValue()
    {
        var e = Assert.Throws<ArgumentException>(() => ConvKinds.Parse("bogus"));
        Assert.Contains("bogus", e.Message);
    }

    [Fact]
    public void Parse_RoundTripsEveryName_IgnoringCase()
    {
        foreach (var kind in ConvKinds.All) Assert.Equal(kind, ConvKinds.Parse(kind.Name()));
        Assert.Equal(ConvKind.Compact, ConvKinds.Parse("COMPACT"));
        Assert.Equal(Enum.GetValues<ConvKind>().Length, ConvKinds.All.Count);
    }
}
