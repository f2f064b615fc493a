using System.Text.Json;
using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class EpochTallyTests
{
    private static PartialEpoch Read(string tally) =>
        JsonSerializer.Deserialize<PartialEpoch>($"{{\"epoch\": 2, \"step\": 3, \"seconds\": 1.5, \"tally\": {tally}}}", RunConfig.JsonOptions)!;

    [Fact]
    public void TheNamedSumsRoundTripThroughStateJson()
    {
        var partial = new PartialEpoch { Epoch = 2, Step = 3, Seconds = 1.5, Tally = new EpochTally(4.25, 7, 1, 2, 3) };

        string json = JsonSerializer.Serialize(partial, RunConfig.JsonOptions);

        Assert.Contains("\"loss_sum\": 4.25", json);
        Assert.Contains("\"true_positives\": 1", json);
        Assert.Equal(partial, JsonSerializer.Deserialize<PartialEpoch>(json, RunConfig.JsonOptions));
    }

    [Fact]
    public void AClassificationTallyWrittenAsAnArrayStillReads() =>
        Assert.Equal(new EpochTally(LossSum: 12.5, Correct: 9), Read("[12.5, 9]").Tally);

    [Fact]
    public void AnEventTallyWrittenAsAnArrayStillReads() =>
        Assert.Equal(new EpochTally(LossSum: 3.5, TruePositives: 4, FalsePositives: 5, FalseNegatives: 6), Read("[3.5, 4, 5, 6]").Tally);

    [Fact]
    public void AnArrayOfAnyOtherLengthIsMalformed()
    {
        var e = Assert.Throws<JsonException>(() => Read("[1, 2, 3]"));
        Assert.Contains("3 running sums", e.Message);
    }
}
