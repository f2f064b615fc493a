using CompactConv.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Models;

/// <summary>The open registry: each test registers under names of its own, since the registry is shared by the process.</summary>
public class ModelRegistryTests
{
    private sealed class Identity(int width) : nn.Module<Tensor, Tensor>("identity")
    {
        public int Width { get; } = width;

        public override Tensor forward(Tensor input) => input;
    }

    private static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}";

    private static ModelSpec Spec(string name) => new() { Name = name, InputShape = [1, 8, 8], NumClasses = 3 };

    [Fact]
    public void ARegisteredBuilderIsFoundByNameInAnyCaseAndGetsTheSpec()
    {
        string name = UniqueName("mine");
        ModelRegistry.Register(name, spec => new Identity(spec.NumClasses));

        Assert.True(ModelRegistry.Contains(name.ToUpperInvariant()));
        Assert.Contains(name, ModelRegistry.Names);
        using var model = ModelRegistry.Create(Spec(name.ToUpperInvariant()));
        Assert.Equal(3, Assert.IsType<Identity>(model).Width);
    }

    [Fact]
    public void ATakenNameIsRefusedUnlessReplacingIsAsked()
    {
        string name = UniqueName("twice");
        ModelRegistry.Register(name, _ => new Identity(1));

        var e = Assert.Throws<ArgumentException>(() => ModelRegistry.Register(name.ToUpperInvariant(), _ => new Identity(2)));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("already registered", e.Message);
        using (var first = ModelRegistry.Create(Spec(name))) Assert.Equal(1, ((Identity)first).Width);

        ModelRegistry.Register(name, _ => new Identity(2), replace: true);
        using var second = ModelRegistry.Create(Spec(name));
        Assert.Equal(2, ((Identity)second).Width);
        Assert.Single(ModelRegistry.Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheBuiltInModelsAreRegisteredTheSameWay()
    {
        foreach (var name in new[] { "smallcnn", "dcase-baseline", "audio-vgg", "crnn", "crnn-att", "resnet20", "resnet32", "resnet56", "mobilenetv2", "vgg11" })
            Assert.True(ModelRegistry.Contains(name), name);
        Assert.Throws<ArgumentException>(() => ModelRegistry.Register("SmallCNN", _ => new Identity(0)));
    }

    [Fact]
    public void AnUnknownNameIsRefusedListingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => ModelRegistry.Create(Spec("no-such-model")));
        Assert.Equal("spec", e.ParamName);
        Assert.Contains("unknown model 'no-such-model'", e.Message);
        Assert.Contains("smallcnn", e.Message);
        Assert.False(ModelRegistry.Contains("no-such-model"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" padded")]
    public void BlankOrPaddedNamesAreRefused(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => ModelRegistry.Register(name, _ => new Identity(0)));

    [Fact]
    public void RegisteringFromManyThreadsAtOnceLosesNoName()
    {
        var names = Enumerable.Range(0, 200).Select(i => UniqueName($"parallel{i}")).ToArray();

        Parallel.ForEach(names, name =>
        {
            ModelRegistry.Register(name, _ => new Identity(0));
            _ = ModelRegistry.Names.Count;
        });

        Assert.All(names, name => Assert.True(ModelRegistry.Contains(name)));
    }
}
