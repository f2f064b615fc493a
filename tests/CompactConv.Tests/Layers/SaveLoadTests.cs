using CompactConv.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Layers;

/// <summary>Weights and BatchNorm running statistics survive a save/load round trip for every kind.</summary>
public class SaveLoadTests
{
    public static TheoryData<ConvKind> AllKinds() => ConvFactoryTests.AllKinds();

    private static nn.Module<Tensor, Tensor> Build(ConvKind kind) => ConvFactory.Create(kind, 8, 16, kernelSize: 3);

    /// <summary>Serialises to bytes; TorchSharp's save(Stream) closes the stream it is given, so it cannot be rewound.</summary>
    private static byte[] SaveToBytes(nn.Module module)
    {
        using var stream = new MemoryStream();
        module.save(stream);
        return stream.ToArray();
    }

    private static void LoadFromBytes(nn.Module module, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        module.load(stream);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void RoundTrip_EvalOutputsIdentical(ConvKind kind)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(21);
        using var trained = Build(kind);
        trained.train();
        using (no_grad())
        {
            // Shifted, scaled inputs move the running mean/var well away from their initial 0/1.
            for (int i = 0; i < 3; i++) trained.forward(randn(4, 8, 6, 6) * 3 + 1);
        }
        trained.eval();
        var x = randn(2, 8, 6, 6);
        var expected = trained.forward(x);

        var bytes = SaveToBytes(trained);

        using var fresh = Build(kind);
        fresh.eval();
        // Guards against a vacuous pass: before loading, the fresh block must disagree.
        Assert.False(torch.allclose(expected, fresh.forward(x)), "fresh block already matches; the test would prove nothing");

        LoadFromBytes(fresh, bytes);
        fresh.eval();
        Assert.True(torch.allclose(expected, fresh.forward(x), rtol: 0, atol: 0));
    }

    [Fact]
    public void RoundTrip_RestoresBatchNormRunningStats()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(22);
        using var trained = Build(ConvKind.Compact);
        using (no_grad()) trained.forward(randn(4, 8, 6, 6) * 3 + 1);
        var runningMean = trained.state_dict()["depthwise.bn.running_mean"];
        Assert.True(runningMean.abs().max().item<float>() > 0, "a training forward should move the running mean");

        var bytes = SaveToBytes(trained);
        using var fresh = Build(ConvKind.Compact);
        LoadFromBytes(fresh, bytes);
        foreach (var (name, value) in trained.state_dict())
        {
            Assert.True(torch.allclose(value.to(ScalarType.Float64), fresh.state_dict()[name].to(ScalarType.Float64), rtol: 0, atol: 0), name);
        }
    }

    [Fact]
    public void Compact_StateDictKeys_AreTheExpectedOnes()
    {
        using var block = Build(ConvKind.Compact);
        string[] expected =
        [
            "depthwise.conv.weight",
            "depthwise.bn.weight", "depthwise.bn.bias", "depthwise.bn.running_mean", "depthwise.bn.running_var",
            "depthwise.bn.num_batches_tracked",
            "pointwise.conv.weight",
            "pointwise.bn.weight", "pointwise.bn.bias", "pointwise.bn.running_mean", "pointwise.bn.running_var",
            "pointwise.bn.num_batches_tracked",
        ];
        Assert.Equal(expected.Order(), block.state_dict().Keys.Order());
        var sd = block.state_dict();
        Assert.Equal([8L, 1, 3, 3], sd["depthwise.conv.weight"].shape);
        Assert.Equal([16L, 4, 1, 1], sd["pointwise.conv.weight"].shape);
    }

    [Fact]
    public void Squeeze_StateDict_HasLearnedReduction()
    {
        using var block = Build(ConvKind.Squeeze);
        Assert.Equal([4L, 8, 1, 1], block.state_dict()["reduce.weight"].shape);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void StateDictKeys_StableAcrossConstructions(ConvKind kind)
    {
        using var a = Build(kind);
        using var b = Build(kind);
        var keys = a.state_dict().Keys.ToList();
        Assert.NotEmpty(keys);
        // Order matters too: save/load streams tensors in state-dict order.
        Assert.Equal(keys, b.state_dict().Keys.ToList());
    }
}
