using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// Models by name, in the manner of timm's <c>create_model</c>: the CLI's <c>--model</c> and
/// saved run configs go through here, so <c>summary</c>, <c>train</c> and <c>eval</c> work for every entry.
/// </summary>
public static class ModelRegistry
{
    private static readonly Dictionary<string, Func<ModelSpec, nn.Module<Tensor, Tensor>>> Builders =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["smallcnn"] = spec => new SmallCnn(spec),
            ["dcase-baseline"] = spec => new DcaseBaseline(spec),
            ["audio-vgg"] = spec => new AudioVgg(spec),
            ["crnn"] = spec => new Crnn(spec),
            ["crnn-att"] = spec => new Crnn(spec, CrnnOptions.Default with { AttentionHead = true }),
            ["resnet20"] = spec => new CifarResNet(spec, CifarResNet.BlocksForDepth(20)),
            ["resnet32"] = spec => new CifarResNet(spec, CifarResNet.BlocksForDepth(32)),
            ["resnet56"] = spec => new CifarResNet(spec, CifarResNet.BlocksForDepth(56)),
            ["mobilenetv2"] = spec => new MobileNetV2(spec),
            ["vgg11"] = spec => new Vgg11(spec),
        };

    /// <summary>Registered model names.</summary>
    public static IReadOnlyCollection<string> Names => Builders.Keys;

    /// <summary>Builds the model a spec describes; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec)
    {
        if (!Builders.TryGetValue(spec.Name, out var build))
        {
            throw new ArgumentException($"unknown model '{spec.Name}' (expected one of: {string.Join(", ", Names)})");
        }
        return build(spec);
    }
}
