using System.Text.Json.Serialization;
using CompactConv.Layers;

namespace CompactConv.Models;

/// <summary>
/// Everything needed to rebuild a registered model: its name, the conv kind with its options,
/// the width multiplier and the input/output sizes. Saved in every run's config.json.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Registry name, e.g. <c>smallcnn</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Conv kind used for the model's spatial convolutions.</summary>
    public ConvKind Conv { get; init; } = ConvKind.Standard;

    /// <summary>Channel group size for compact (squeeze ratio for squeeze).</summary>
    public int R { get; init; } = 2;

    /// <summary>Interchannel operation for compact.</summary>
    public ChannelPoolOp Op { get; init; } = ChannelPoolOp.Max;

    /// <summary>Channel grouping for compact.</summary>
    public ChannelGrouping Grouping { get; init; } = ChannelGrouping.Adjacent;

    /// <summary>Channel width multiplier.</summary>
    public double Width { get; init; } = 1.0;

    /// <summary>
    /// The largest width multiplier: 64, which gives smallcnn 8,192 and MobileNetV2 81,920 channels in
    /// their widest layers. Far larger widths overflow the channel counts (1e308 came out as 8
    /// channels) or ask libtorch for terabytes.
    /// </summary>
    public const double MaxWidth = 64;

    /// <summary>Throws <see cref="ArgumentException"/> (naming --width) unless <paramref name="width"/> is above 0 and at most <see cref="MaxWidth"/>.</summary>
    public static double CheckWidth(double width) =>
        width > 0 && width <= MaxWidth
            ? width
            : throw new ArgumentException(FormattableString.Invariant($"--width must be above 0 and at most {MaxWidth}, got {width}"));

    /// <summary>Per-sample input shape, channels first (e.g. [1, 28, 28]).</summary>
    public required int[] InputShape { get; init; }

    /// <summary>Number of output classes.</summary>
    public required int NumClasses { get; init; }

    /// <summary>The conv options this spec implies (defaults for everything not in the spec).</summary>
    [JsonIgnore]
    public ConvOptions ConvOptions => ConvOptions.Default with { R = R, Op = Op, Grouping = Grouping };

    /// <summary>Short human-readable label, e.g. <c>compact(max, r=2)</c>.</summary>
    [JsonIgnore]
    public string ConvLabel => Conv switch
    {
        ConvKind.Compact => $"compact({Op.Name()}, r={R})",
        ConvKind.Squeeze => $"squeeze(r={R})",
        _ => Conv.Name(),
    };
}
