using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Models;

/// <summary>
/// Models by name, in the manner of timm's <c>register_model</c> and <c>create_model</c>: the CLI's
/// <c>--model</c> and saved run configs go through here, so <c>summary</c>, <c>train</c> and <c>eval</c>
/// work for every entry, a user's own included once registered. The built-in models are registered
/// the same way a user's are. Names are case-insensitive; every member is safe to call from any thread.
/// </summary>
public static class ModelRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Func<ModelSpec, nn.Module<Tensor, Tensor>>> Builders = new(StringComparer.OrdinalIgnoreCase);

    static ModelRegistry()
    {
        Register("smallcnn", spec => new SmallCnn(spec));
        Register("dcase-baseline", spec => new DcaseBaseline(spec));
        Register("audio-vgg", spec => new AudioVgg(spec));
        Register("crnn", spec => new Crnn(spec));
        Register("crnn-att", spec => new Crnn(spec, CrnnOptions.Default with { AttentionHead = true }));
        Register("resnet20", spec => new CifarResNet(spec, CifarResNet.BlocksForDepth(20)));
        Register("resnet32", spec => new CifarResNet(spec, CifarResNet.BlocksForDepth(32)));
        Register("resnet56", spec => new CifarResNet(spec, CifarResNet.BlocksForDepth(56)));
        Register("mobilenetv2", spec => new MobileNetV2(spec));
        Register("vgg11", spec => new Vgg11(spec));
    }

    /// <summary>Registered model names, in the order they were first registered (a snapshot).</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate) return [.. Builders.Keys];
        }
    }

    /// <summary>True when a model is registered under <paramref name="name"/> (any case).</summary>
    public static bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (Gate) return Builders.ContainsKey(name);
    }

    /// <summary>
    /// Registers <paramref name="builder"/> under <paramref name="name"/>, so that <see cref="Create"/>
    /// (and the CLI's <c>--model</c>, and a saved run naming it) builds it from a <see cref="ModelSpec"/>.
    /// A name already taken is refused unless <paramref name="replace"/> is true: two libraries choosing
    /// the same name would otherwise silently swap each other's models.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, or taken and <paramref name="replace"/> is false.</exception>
    public static void Register(string name, Func<ModelSpec, nn.Module<Tensor, Tensor>> builder, bool replace = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(builder);
        if (name.Trim() != name) throw new ArgumentException($"model name '{name}' has leading or trailing white space", nameof(name));
        lock (Gate)
        {
            if (!replace && Builders.ContainsKey(name))
                throw new ArgumentException($"a model named '{name}' is already registered (pass replace: true to replace it)", nameof(name));
            Builders[name] = builder;
        }
    }

    /// <summary>Builds the model <paramref name="spec"/> names, on the CPU.</summary>
    /// <exception cref="ArgumentException">No model is registered under <see cref="ModelSpec.Name"/>.</exception>
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Func<ModelSpec, nn.Module<Tensor, Tensor>>? build;
        lock (Gate) Builders.TryGetValue(spec.Name, out build);
        if (build is null)
            throw new ArgumentException($"unknown model '{spec.Name}' (expected one of: {string.Join(", ", Names)})", nameof(spec));
        // Built outside the lock: a builder may be slow, or itself create registered models.
        return build(spec);
    }
}
