using System.Text.Json.Serialization;
using CompactConv.Layers;

namespace CompactConv.Models;

/// <summary>
/// Everything needed to rebuild a registered model: its name, the conv kind with its whole options record,
/// the width multiplier and the input/output sizes. Saved in every run's config.json.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Registry name, e.g. <c>smallcnn</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Conv kind used for the model's spatial convolutions.</summary>
    public ConvKind Conv { get; init; } = ConvKind.Standard;

    /// <summary>
    /// Every option of the conv blocks (r, op, grouping, normalisation and activation placement, shuffle and
    /// ghost settings), as one record so that whatever a caller sets reaches the models and config.json.
    /// </summary>
    public ConvOptions ConvOptions { get; init; } = ConvOptions.Default;

    // Runs made before the options record existed wrote r, op and grouping beside the conv kind. These
    // write-never properties read them into the record so those runs still evaluate and resume; a file
    // has either these or conv_options, so the order in which they are read does not matter.
    [JsonInclude, JsonPropertyName("r"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private int? LegacyR { get => null; init { if (value is { } r) ConvOptions = ConvOptions with { R = r }; } }

    [JsonInclude, JsonPropertyName("op"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private ChannelPoolOp? LegacyOp { get => null; init { if (value is { } op) ConvOptions = ConvOptions with { Op = op }; } }

    [JsonInclude, JsonPropertyName("grouping"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private ChannelGrouping? LegacyGrouping { get => null; init { if (value is { } g) ConvOptions = ConvOptions with { Grouping = g }; } }

    /// <summary>Channel width multiplier.</summary>
    public double Width { get; init; } = 1.0;

    /// <summary>
    /// The largest width multiplier: 64, which gives smallcnn 8,192 and MobileNetV2 81,920 channels in
    /// their widest layers. Far larger widths overflow the channel counts (1e308 came out as 8
    /// channels) or ask libtorch for terabytes.
    /// </summary>
    public const double MaxWidth = 64;

    /// <summary>Throws <see cref="ArgumentException"/> (naming <c>ModelSpec.Width</c>) unless <paramref name="width"/> is above 0 and at most <see cref="MaxWidth"/>.</summary>
    public static double CheckWidth(double width) =>
        width > 0 && width <= MaxWidth
            ? width
            : throw new ArgumentException(FormattableString.Invariant($"{nameof(ModelSpec)}.{nameof(Width)} must be above 0 and at most {MaxWidth}, got {width}"));

    /// <summary>Per-sample input shape, channels first (e.g. [1, 28, 28]).</summary>
    public required int[] InputShape { get; init; }

    /// <summary>Number of output classes.</summary>
    public required int NumClasses { get; init; }

    /// <summary>Short human-readable label, e.g. <c>compact(max, r=2)</c>.</summary>
    [JsonIgnore]
    public string ConvLabel => Conv switch
    {
        ConvKind.Compact => $"compact({ConvOptions.Op.Name()}, r={ConvOptions.R})",
        ConvKind.Squeeze => $"squeeze(r={ConvOptions.R})",
        _ => Conv.Name(),
    };
}
