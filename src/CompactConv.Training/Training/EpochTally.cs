using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompactConv.Training;

/// <summary>
/// The running sums of an epoch, kept by the epoch rather than the trainer's locals so that a stop can
/// save them and the resumed epoch report what an uninterrupted one would. A trainer adds to the sums it
/// reports and leaves the others at 0.
/// </summary>
/// <param name="LossSum">Loss times batch length, summed over the steps taken.</param>
/// <param name="Correct">Training examples classified right (classification).</param>
/// <param name="TruePositives">Frame decisions that found an active class (event detection).</param>
/// <param name="FalsePositives">Frame decisions of a class that was not active (event detection).</param>
/// <param name="FalseNegatives">Active classes of a frame not decided (event detection).</param>
[JsonConverter(typeof(EpochTallyJsonConverter))]
public sealed record EpochTally(double LossSum = 0, long Correct = 0, long TruePositives = 0, long FalsePositives = 0, long FalseNegatives = 0)
{
    /// <summary>Nothing counted yet.</summary>
    public static EpochTally Zero { get; } = new();

    /// <summary>
    /// Reads the positional sums that state.json held before the sums had names: [loss, correct] from
    /// the classification trainer, [loss, tp, fp, fn] from the event trainer.
    /// </summary>
    /// <exception cref="JsonException">Any other length.</exception>
    public static EpochTally FromPositional(IReadOnlyList<double> sums) => sums.Count switch
    {
        2 => new EpochTally(sums[0], (long)sums[1]),
        4 => new EpochTally(sums[0], TruePositives: (long)sums[1], FalsePositives: (long)sums[2], FalseNegatives: (long)sums[3]),
        _ => throw new JsonException($"an unfinished epoch's tally has {sums.Count} running sums; 2 (classification) or 4 (event detection) were written"),
    };
}

/// <summary>Writes an <see cref="EpochTally"/> as an object of named sums and reads that or the older positional array.</summary>
internal sealed class EpochTallyJsonConverter : JsonConverter<EpochTally>
{
    private sealed record Named(double LossSum, long Correct, long TruePositives, long FalsePositives, long FalseNegatives);

    public override EpochTally Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
            return EpochTally.FromPositional(JsonSerializer.Deserialize<double[]>(ref reader, options) ?? []);
        var named = JsonSerializer.Deserialize<Named>(ref reader, options) ?? throw new JsonException("the tally is null");
        return new EpochTally(named.LossSum, named.Correct, named.TruePositives, named.FalsePositives, named.FalseNegatives);
    }

    public override void Write(Utf8JsonWriter writer, EpochTally value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Named(value.LossSum, value.Correct, value.TruePositives, value.FalsePositives, value.FalseNegatives), options);
}
