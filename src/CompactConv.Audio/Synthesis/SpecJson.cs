using System.Text.Json;

namespace CompactConv.Audio.Synthesis;

/// <summary>
/// Typed access to one JSON object of a spec. Every failure names the field by its JSON path
/// (e.g. <c>scenes[1].events.snr_db.min</c>), because JsonElement keeps no line numbers once parsed.
/// </summary>
internal sealed class SpecJson
{
    private readonly JsonElement element;
    private readonly string specPath;

    public SpecJson(JsonElement element, string fieldPath, string specPath)
    {
        this.element = element;
        FieldPath = fieldPath;
        this.specPath = specPath;
        if (element.ValueKind != JsonValueKind.Object) throw Fail($"{Describe(fieldPath)} must be an object");
    }

    /// <summary>JSON path of this object ("" for the root).</summary>
    public string FieldPath { get; }

    /// <summary>Rejects keys outside <paramref name="known"/>, so that a misspelt option is not silently ignored.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                throw Fail($"unknown field '{Child(property.Name)}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement Get(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Fail($"missing field '{Child(name)}'");

    public string Child(string name) => FieldPath.Length == 0 ? name : $"{FieldPath}.{name}";

    public SpecJson Object(string name) => new(Get(name), Child(name), specPath);

    public string String(string name)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw Fail($"'{Child(name)}' must be a non-empty string");
        return value.GetString()!;
    }

    public double Number(string name, double fallback) => Has(name) ? Number(name) : fallback;

    public double Number(string name) => NumberOf(Get(name), Child(name));

    public int Integer(string name, int fallback) => Has(name) ? Integer(name) : fallback;

    public int Integer(string name) => IntegerOf(Get(name), Child(name));

    public IReadOnlyList<string> Strings(string name)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            throw Fail($"'{Child(name)}' must be a non-empty array of strings");
        var items = new List<string>();
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                throw Fail($"'{Child(name)}[{i}]' must be a non-empty string");
            items.Add(item.GetString()!);
            i++;
        }
        return items;
    }

    public IReadOnlyList<double> Numbers(string name)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Array) throw Fail($"'{Child(name)}' must be an array of numbers");
        var items = new List<double>();
        int i = 0;
        foreach (var item in value.EnumerateArray()) items.Add(NumberOf(item, $"{Child(name)}[{i++}]"));
        return items;
    }

    /// <summary>A range given as {"min": a, "max": b} or as one number meaning min = max.</summary>
    public ValueRange Range(string name)
    {
        var value = Get(name);
        if (value.ValueKind == JsonValueKind.Number) return new ValueRange(value.GetDouble(), value.GetDouble());
        var range = new SpecJson(value, Child(name), specPath);
        range.RejectUnknown("min", "max");
        return new ValueRange(range.Number("min"), range.Number("max"));
    }

    /// <summary>An integer range given as {"min": a, "max": b} or as one integer.</summary>
    public CountRange IntegerRange(string name)
    {
        var value = Get(name);
        if (value.ValueKind == JsonValueKind.Number)
        {
            int fixedCount = IntegerOf(value, Child(name));
            return new CountRange(fixedCount, fixedCount);
        }
        var range = new SpecJson(value, Child(name), specPath);
        range.RejectUnknown("min", "max");
        return new CountRange(range.Integer("min"), range.Integer("max"));
    }

    public DataException Fail(string problem) => new(specPath, problem);

    private double NumberOf(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw Fail($"'{path}' must be a number");

    private int IntegerOf(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw Fail($"'{path}' must be an integer");

    private static string Describe(string fieldPath) => fieldPath.Length == 0 ? "the spec" : $"'{fieldPath}'";
}
