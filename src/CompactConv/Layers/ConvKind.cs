namespace CompactConv.Layers;

/// <summary>
/// The convolution implementations the <see cref="ConvFactory"/> can build. Every model asks the
/// factory for its spatial convolutions, so one value switches a whole network between kinds.
/// </summary>
public enum ConvKind
{
    /// <summary>A full k x k convolution: k*k*C*O weights.</summary>
    Standard,
    /// <summary>Depth-wise k x k, then a 1x1 convolution C -> O (MobileNet / Xception).</summary>
    Separable,
    /// <summary>Depth-wise k x k, a parameter-free channel pool C -> C/r, then a 1x1 convolution C/r -> O (the paper's compact convolution).</summary>
    Compact,
    /// <summary>Depth-wise k x k, a learnable 1x1 squeeze C -> C/r, then a 1x1 convolution C/r -> O: the parameterised counterpart of <see cref="Compact"/>.</summary>
    Squeeze,
    /// <summary>ShuffleNet-style: grouped 1x1, channel shuffle, depth-wise k x k, grouped 1x1.</summary>
    Shuffle,
    /// <summary>GhostNet module: a k x k convolution to O/2 maps plus cheap depth-wise "ghost" maps.</summary>
    Ghost,
}

/// <summary>Parsing and printing of <see cref="ConvKind"/> with the lower-case names used on the command line.</summary>
public static class ConvKinds
{
    /// <summary>All kinds, in the order reports list them.</summary>
    public static IReadOnlyList<ConvKind> All { get; } = Enum.GetValues<ConvKind>();

    /// <summary>The command-line name of a kind (<c>standard</c>, <c>separable</c>, ...).</summary>
    public static string Name(this ConvKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Whether blocks of <paramref name="kind"/> read <see cref="ConvOptions.R"/> (compact and squeeze).</summary>
    public static bool UsesGroupSize(this ConvKind kind) => kind is ConvKind.Compact or ConvKind.Squeeze;

    /// <summary>Whether blocks of <paramref name="kind"/> read <see cref="ConvOptions.Op"/> and <see cref="ConvOptions.Grouping"/> (compact only).</summary>
    public static bool UsesChannelPool(this ConvKind kind) => kind is ConvKind.Compact;

    /// <summary>Parses a command-line name; throws <see cref="ArgumentException"/> naming the value and the choices.</summary>
    public static ConvKind Parse(string name)
    {
        foreach (var kind in All)
        {
            if (string.Equals(kind.Name(), name, StringComparison.OrdinalIgnoreCase)) return kind;
        }
        throw new ArgumentException($"unknown conv kind '{name}' (expected one of: {string.Join(", ", All.Select(k => k.Name()))})");
    }
}
