using CompactConv.Training;
using CompactConv.Training.Augmentation;
using static TorchSharp.torch;

namespace CompactConv.Tests.Training.Augmentation;

public class SpectrogramAugmenterTests
{
    [Fact]
    public void RandomCropTakesAContiguousWindowOfEachExample()
    {
        using var scope = NewDisposeScope();
        // Frame t of example n holds 100 n + t, so a crop shows where it came from.
        var x = (arange(3).reshape(3, 1, 1, 1) * 100 + arange(50).reshape(1, 1, 1, 50)).to_type(ScalarType.Float32).expand(3, 1, 4, 50).contiguous();
        var crops = SpectrogramAugmenter.RandomCrop(x, 10, new Random(1));
        Assert.Equal(new long[] { 3, 1, 4, 10 }, crops.shape);
        for (int n = 0; n < 3; n++)
        {
            float first = crops[n, 0, 0, 0].item<float>();
            Assert.InRange(first - 100 * n, 0, 40);
            for (int t = 0; t < 10; t++) Assert.Equal(first + t, crops[n, 0, 2, t].item<float>());
        }
    }

    [Fact]
    public void MasksZeroBandsNoWiderThanAllowed()
    {
        using var scope = NewDisposeScope();
        var x = ones(4, 1, 32, 60);
        var options = new AugmentationOptions { TimeMasks = 2, TimeMaskWidth = 5, FrequencyMasks = 1, FrequencyMaskWidth = 4 };
        SpectrogramAugmenter.Mask(x, options, new Random(3));
        for (int n = 0; n < 4; n++)
        {
            var example = x[n, 0];
            // Rows fully zeroed are frequency masks; columns fully zeroed are time masks.
            long zeroRows = example.eq(0).all(1).sum().item<long>();
            long zeroColumns = example.eq(0).all(0).sum().item<long>();
            Assert.InRange(zeroRows, 0, 4);
            Assert.InRange(zeroColumns, 0, 10);
            // Every zero lies in a masked row or column.
            var covered = example.eq(0).all(1).unsqueeze(1) | example.eq(0).all(0).unsqueeze(0);
            Assert.True(example.eq(0).le(covered).all().item<bool>());
        }
    }

    [Fact]
    public void MixupTargetsAreDistributionsAndMatchTheMixedInputs()
    {
        using var scope = NewDisposeScope();
        var x = eye(4).reshape(4, 1, 1, 4);
        var labels = tensor(new long[] { 0, 1, 2, 3 });
        var (mixed, targets) = SpectrogramAugmenter.Apply(x, labels, 4, new AugmentationOptions { MixupAlpha = 0.4 }, new Random(5));
        Assert.True(allclose(targets.sum(1), ones(4)));
        // With one-hot inputs laid out like the labels, the mixed input equals its target row.
        Assert.True(allclose(mixed.reshape(4, 4), targets, atol: 1e-6));
        Assert.True(x.eq(eye(4).reshape(4, 1, 1, 4)).all().item<bool>());
    }

    [Fact]
    public void BetaSamplesHaveTheRightMean()
    {
        var random = new Random(7);
        double mean = Enumerable.Range(0, 20000).Select(_ => SpectrogramAugmenter.SampleBeta(0.2, random)).Average();
        Assert.InRange(mean, 0.48, 0.52);
        double meanSquare = Enumerable.Range(0, 20000).Select(_ => Math.Pow(SpectrogramAugmenter.SampleBeta(2, random), 2)).Average();
        // E[X^2] of Beta(2, 2) = a(a+1)/((2a)(2a+1)) = 6/20.
        Assert.InRange(meanSquare, 0.29, 0.31);
    }

    [Fact]
    public void SoftTargetLossEqualsCrossEntropyForOneHotTargets()
    {
        using var scope = NewDisposeScope();
        var logits = randn(5, 3);
        var labels = tensor(new long[] { 0, 2, 1, 1, 0 });
        var oneHot = nn.functional.one_hot(labels, 3).to_type(ScalarType.Float32);
        Assert.True(allclose(Losses.SoftTargetCrossEntropy(logits, oneHot, 0), nn.functional.cross_entropy(logits, labels), atol: 1e-6));
        Assert.True(allclose(Losses.SoftTargetCrossEntropy(logits, oneHot, 0.1), nn.functional.cross_entropy(logits, labels, label_smoothing: 0.1), atol: 1e-6));
    }

    [Fact]
    public void SegmentsCoverTheClipWithTheLastAlignedToTheEnd()
    {
        Assert.Equal(new long[] { 0, 10, 20, 22 }, Evaluator.SegmentStarts(32, 10));
        Assert.Equal(new long[] { 0, 10 }, Evaluator.SegmentStarts(20, 10));
        Assert.Equal(new long[] { 0 }, Evaluator.SegmentStarts(7, 10));
    }

    [Fact]
    public void StableSeedsDoNotDependOnTheProcess()
    {
        // Fixed values: HashCode.Combine would change from run to run.
        Assert.Equal(Seeds.Stable(0, 1, 7), Seeds.Stable(0, 1, 7));
        Assert.NotEqual(Seeds.Stable(0, 1, 7), Seeds.Stable(0, 2, 7));
        Assert.Equal(unchecked((int)(1u * 40503u ^ 7u * 2246822519u)), Seeds.Stable(0, 1, 7));
    }

    [Fact]
    public void MixupMixesFrameAndClipTargetsWithTheInputsWeightAndPartner()
    {
        using var scope = NewDisposeScope();
        const int n = 6, frames = 5, classes = 3;
        // Example i lights mel row i only, so a mixed input shows its weight and its partner.
        var inputs = eye(n).reshape(n, 1, n, 1).expand(n, 1, n, frames).contiguous();
        manual_seed(4);
        var frameTargets = rand(n, frames, classes).gt(0.5).to_type(ScalarType.Float32);
        var clipTargets = frameTargets.amax([1]);
        var options = new AugmentationOptions { MixupAlpha = 0.4 };
        var (mixed, targets) = SpectrogramAugmenter.ApplyWithTargets(inputs, [frameTargets, clipTargets], options, new Random(9));
        Assert.Equal(2, targets.Length);

        var lambdas = new List<double>();
        for (int i = 0; i < n; i++)
        {
            var rows = mixed[i, 0, .., 0].data<float>().ToArray();
            int partner = Enumerable.Range(0, n).Where(j => j != i).MaxBy(j => rows[j]);
            // An example paired with itself comes out unchanged whatever the weight.
            if (rows[partner] == 0) partner = i;
            double own = partner == i ? 1 : rows[i];
            if (partner != i) lambdas.Add(own);
            var expectedFrames = frameTargets[i] * own + frameTargets[partner] * (1 - own);
            var expectedClip = clipTargets[i] * own + clipTargets[partner] * (1 - own);
            Assert.True(targets[0][i].allclose(expectedFrames, atol: 1e-6), $"frame targets of example {i}");
            Assert.True(targets[1][i].allclose(expectedClip, atol: 1e-6), $"clip targets of example {i}");
        }
        // One weight for the whole batch.
        Assert.NotEmpty(lambdas);
        Assert.All(lambdas, l => Assert.Equal(lambdas[0], l, 6));
        double lambda = lambdas[0];
        Assert.InRange(lambda, 0, 1);
        // A convex combination of 0/1 targets stays in [0, 1]; the caller's tensors are untouched.
        Assert.True(targets[0].ge(0).all().item<bool>() && targets[0].le(1).all().item<bool>());
        Assert.Equal(n, inputs.sum().item<float>() / frames);
    }

    [Fact]
    public void MasksTouchOnlyTheInputsAndCropsAreRefused()
    {
        using var scope = NewDisposeScope();
        var inputs = ones(3, 1, 8, 20);
        var frameTargets = ones(3, 20, 2);
        var options = new AugmentationOptions { TimeMasks = 2, TimeMaskWidth = 5 };
        var (masked, targets) = SpectrogramAugmenter.ApplyWithTargets(inputs, [frameTargets], options, new Random(2));
        Assert.True(masked.eq(0).any().item<bool>());
        Assert.True(targets[0].eq(1).all().item<bool>());
        Assert.True(inputs.eq(1).all().item<bool>());
        Assert.Throws<ArgumentException>(() =>
            SpectrogramAugmenter.ApplyWithTargets(inputs, [frameTargets], new AugmentationOptions { CropFrames = 10 }, new Random(2)));
    }
}
