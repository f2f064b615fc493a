using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Tests.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

public class CrnnTests
{
    private static ModelSpec Spec(ConvKind kind = ConvKind.Compact, int mels = 16, int frames = 9, int classes = 3, string name = "crnn") =>
        new() { Name = name, Conv = kind, Width = 0.125, InputShape = [1, mels, frames], NumClasses = classes };

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(64)]
    [InlineData(128)]
    public void OutputHasOneFrameOfLogitsPerInputFrameForAnyMelCount(int mels)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var model = new Crnn(Spec(mels: mels, frames: 11));
        Assert.Equal(1, model.TimeStride);
        var logits = model.call(randn(2, 1, mels, 11));
        TensorAssert.Shape([2, 11, 3], logits);
        // A clip of another length works too: nothing in the network is sized by the frame count.
        TensorAssert.Shape([1, 5, 3], model.call(randn(1, 1, mels, 5)));
    }

    [Fact]
    public void FirstBlockStaysStandardAndTheOthersUseTheSpecKind()
    {
        using var model = new Crnn(Spec(ConvKind.Compact));
        var types = model.named_modules().ToDictionary(m => m.name, m => m.module.GetType());
        Assert.Equal(typeof(ConvNormAct), types["features.block1"]);
        Assert.Equal(typeof(CompactConv2d), types["features.block2"]);
        Assert.Equal(typeof(CompactConv2d), types["features.block3"]);
        Assert.IsType<Crnn>(ModelRegistry.Create(Spec(name: "crnn")));
        Assert.True(Assert.IsType<Crnn>(ModelRegistry.Create(Spec(name: "crnn-att"))).AttentionHead);
    }

    [Fact]
    public void DefaultConvolutionParametersMatchTheHandCountAndCompactIsUnderFortyPercent()
    {
        var spec = new ModelSpec { Name = "crnn", InputShape = [1, 64, 431], NumClasses = 10 };
        using var standard = new Crnn(spec);
        using var compact = new Crnn(spec with { Conv = ConvKind.Compact });
        // conv weights + BatchNorm (2 per channel): 3x3x1x64, 3x3x64x128, 3x3x128x128.
        long standardConv = 9 * 64 + 128 + 9 * 64 * 128 + 256 + 9 * 128 * 128 + 256;
        // compact r = 2: stem as above; each block is a depth-wise 3x3 + BN, then a 1x1 from C/2 + BN.
        long compactConv = 9 * 64 + 128 + (9 * 64 + 128 + 32 * 128 + 256) + (9 * 128 + 256 + 64 * 128 + 256);
        Assert.Equal(standardConv, ModelCost.ConvolutionParameters(standard));
        Assert.Equal(compactConv, ModelCost.ConvolutionParameters(compact));
        Assert.True(compactConv <= 0.4 * standardConv);
    }

    [Fact]
    public void ModelCostCountsTheGruWithItsMacs()
    {
        var spec = new ModelSpec { Name = "crnn", Conv = ConvKind.Separable, InputShape = [1, 64, 20], NumClasses = 10 };
        using var model = new Crnn(spec);
        var report = ModelCost.Measure(model, [1, 64, 20]);
        var gru = Assert.Single(report.Layers, l => l.Name == "gru");
        Assert.Equal([20L, 128L], gru.OutputShape);
        // 20 steps x 2 directions x (3H x I + 3H x H), I = 128 channels x 1 band, H = 64.
        Assert.Equal(20L * 2 * (3 * 64 * 128 + 3 * 64 * 64), gru.Macs);
        Assert.Equal(2L * (3 * 64 * 128 + 3 * 64 * 64 + 2 * 3 * 64), gru.Parameters);
        Assert.Equal(ModelCost.CountParameters(model), report.Parameters);
        Assert.Equal([20L, 10L], report.Layers[^1].OutputShape);
    }

    [Fact]
    public void AttentionPoolIsTheSoftmaxWeightedMeanOfFrameProbabilities()
    {
        using var scope = NewDisposeScope();
        // Frames: sigmoid(0) = 0.5 and sigmoid(ln 3) = 0.75; attention: softmax(0, ln 3) = (0.25, 0.75).
        // Class 1: equal attention (0.5, 0.5) over probabilities (0.5, 0.5).
        float ln3 = (float)Math.Log(3);
        var frames = TensorAssert.Make([0, 0, ln3, 0], [1, 2, 2]);
        var attention = TensorAssert.Make([0, 1, ln3, 1], [1, 2, 2]);
        TensorAssert.Close([0.25 * 0.5 + 0.75 * 0.75, 0.5], Crnn.AttentionPool(frames, attention));
    }

    [Fact]
    public void ForwardWithClipGivesTheForwardFrameLogitsAndClipProbabilities()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var model = new Crnn(Spec(), CrnnOptions.Default with { AttentionHead = true });
        model.eval();
        var input = randn(2, 1, 16, 9);
        var (frames, clip) = model.ForwardWithClip(input);
        TensorAssert.Close(TensorAssert.Values(model.call(input)).Select(v => (double)v).ToArray(), frames, 1e-6);
        TensorAssert.Shape([2, 3], clip);
        Assert.True(clip.ge(0).all().item<bool>() && clip.le(1).all().item<bool>());
        using var plain = new Crnn(Spec());
        Assert.Throws<InvalidOperationException>(() => plain.ForwardWithClip(input));
    }

    [Theory]
    [InlineData(ConvKind.Standard, false)]
    [InlineData(ConvKind.Separable, false)]
    [InlineData(ConvKind.Compact, false)]
    [InlineData(ConvKind.Compact, true)]
    public void GradientReachesEveryParameter(ConvKind kind, bool attention)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = new Crnn(Spec(kind), CrnnOptions.Default with { AttentionHead = attention });
        model.train();
        var input = randn(4, 1, 16, 9);
        var frameTargets = rand(4, 9, 3).gt(0.5).to_type(ScalarType.Float32);
        Tensor loss;
        if (attention)
        {
            var (frames, clip) = model.ForwardWithClip(input);
            loss = nn.functional.binary_cross_entropy_with_logits(frames, frameTargets)
                + nn.functional.binary_cross_entropy(clip, frameTargets.amax([1]));
        }
        else
        {
            loss = nn.functional.binary_cross_entropy_with_logits(model.call(input), frameTargets);
        }
        loss.backward();
        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name} has an all-zero gradient");
        }
    }

    [Fact]
    public void ImpossibleShapesAndOptionsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new Crnn(Spec() with { InputShape = [16, 9] }));
        Assert.Throws<ArgumentException>(() => new Crnn(Spec(), CrnnOptions.Default with { FrequencyPools = [4] }));
        Assert.Throws<ArgumentException>(() => new Crnn(Spec(), CrnnOptions.Default with { KernelSize = 4 }));
        Assert.Throws<ArgumentException>(() => new Crnn(Spec(), CrnnOptions.Default with { Dropout = 1 }));
    }
}
