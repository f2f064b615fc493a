using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Tests.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

/// <summary>
/// Every image backbone with every conv kind, on Fashion-MNIST- and CIFAR-shaped inputs, at a small
/// width so the grid stays fast. resnet32 and resnet56 are resnet20's class with more blocks; their
/// counts are checked in <see cref="CifarResNetTests"/>.
/// </summary>
public class BackboneGridTests
{
    private static readonly string[] Backbones = ["resnet20", "mobilenetv2", "vgg11"];

    public static TheoryData<ConvKind> Kinds() => new(ConvKinds.All);

    public static TheoryData<string, ConvKind> Grid()
    {
        var data = new TheoryData<string, ConvKind>();
        foreach (var model in Backbones)
        {
            foreach (var kind in ConvKinds.All) data.Add(model, kind);
        }
        return data;
    }

    private static ModelSpec Spec(string name, ConvKind kind, int channels, int size) =>
        new() { Name = name, Conv = kind, Width = 0.25, InputShape = [channels, size, size], NumClasses = 7 };

    [Theory]
    [MemberData(nameof(Grid))]
    public void BuildsMeasuresAndGivesLogitsForGrayAndColourInputs(string name, ConvKind kind)
    {
        foreach (var (channels, size) in new[] { (1, 28), (3, 32) })
        {
            using var scope = NewDisposeScope();
            using var model = ModelRegistry.Create(Spec(name, kind, channels, size));
            // Measure fails if any leaf runs without its hooks, i.e. through forward() instead of call().
            var report = ModelCost.Measure(model, [channels, size, size]);
            Assert.Equal(ModelCost.CountParameters(model), report.Parameters);
            model.eval();
            TensorAssert.Shape([3, 7], model.call(randn(3, channels, size, size)));
        }
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void GradientsReachEveryParameter(string name, ConvKind kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = ModelRegistry.Create(Spec(name, kind, 3, 32));
        model.train();
        var loss = nn.functional.cross_entropy(model.call(randn(4, 3, 32, 32)), tensor(new long[] { 0, 1, 2, 3 }));
        loss.backward();
        foreach (var (parameter, value) in model.named_parameters())
        {
            Assert.True(value.grad is not null, $"{parameter} has no gradient");
            Assert.True(value.grad.abs().sum().item<float>() > 0, $"{parameter} has an all-zero gradient");
        }
    }
}
