using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompactConv.Audio.Features;

/// <summary>
/// JSON settings for the front end's records, matching the run folder's config.json style
/// (snake_case names, lower-case enum names). Compact rather than indented because the options'
/// JSON is also part of every feature-cache key.
/// </summary>
internal static class FeatureJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
