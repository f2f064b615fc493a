using System.Text.Json.Nodes;

namespace CompactConv.Training;

/// <summary>
/// A setting that a resumed run changed (more epochs, another time budget), as config.json's
/// <c>changes</c> list records it, e.g. <c>{"epoch": 6, "step": 0, "field": "epochs", "from": 10, "to": 20}</c>.
/// </summary>
public sealed record ConfigChange
{
    /// <summary>The first epoch trained with the new value.</summary>
    public int Epoch { get; init; }

    /// <summary>The step of <see cref="Epoch"/> from which it applies: 0, or where a stop inside the epoch left it.</summary>
    public long Step { get; init; }

    /// <summary>The setting, named as in the message that refuses other changes (e.g. <c>epochs</c>, <c>max_minutes</c>).</summary>
    public required string Field { get; init; }

    /// <summary>The value before (as config.json held it).</summary>
    public JsonNode? From { get; init; }

    /// <summary>The value from <see cref="Epoch"/> on.</summary>
    public JsonNode? To { get; init; }
}
