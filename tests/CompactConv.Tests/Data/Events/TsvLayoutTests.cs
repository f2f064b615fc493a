using CompactConv.Data.Events;
using static CompactConv.Tests.Data.Audio.AudioFixtures;
using static CompactConv.Tests.Data.Events.EventFixtures;

namespace CompactConv.Tests.Data.Events;

public sealed class TsvLayoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private EventSplits Load(EventDatasetOptions? options = null) => EventDatasets.Load("tsv", Root, options);

    [Fact]
    public void SharedAudioFolderWithoutValidateHoldsOutATenthOfTrain()
    {
        WriteLines(Root, "train.tsv", "filename\tonset\toffset\tevent_label", "a.wav\t0\t1\tbird", "b.wav\t0.5\t1\tcar", "c.wav\t\t\t");
        WriteEventList(Root, "test.tsv", "t.wav 0 0.5 bird");
        foreach (string name in new[] { "a", "b", "c", "t" })
            WriteWav(Root, $"audio/{name}.wav", 1.5);

        var splits = Load(new EventDatasetOptions { Seed = 3 });

        Assert.Equal(["bird", "car"], splits.ClassNames);
        Assert.Equal(2, splits.Train.Count);
        Assert.Single(splits.Validation); // 10 % of 3 rounds to 0, but each side keeps at least one
        Assert.Equal(["a.wav", "b.wav", "c.wav"], Names(splits.Train.Concat(splits.Validation)).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(Root, "audio", "t.wav"), splits.Test[0].AudioPath);
        Assert.Equal(1.5, splits.Test[0].Duration);
        Assert.StartsWith($"event lists in {Root} (audio in audio): 2 train / 1 validation / 1 test clips, 2 classes", splits.Source);
        Assert.Contains("the layout has no validation split: 1 of 3 strongly labelled training clips held out at random (fraction 0.1, seed 3)", splits.Notes);
    }

    [Fact]
    public void PerSplitAudioFoldersAndAValidateList()
    {
        WriteEventList(Root, "train.tsv", "a.wav 0 1 bird");
        WriteEventList(Root, "validate.tsv", "a.wav 0 1 bird");
        WriteEventList(Root, "test.tsv", "a.wav 0 1 bird");
        foreach (string split in new[] { "train", "validate", "test" })
            WriteWav(Root, $"audio/{split}/a.wav", 1);

        var splits = Load();

        // One name in every split is fine: each split is scored on its own.
        Assert.Equal(Path.Combine(Root, "audio", "train", "a.wav"), splits.Train.Single().AudioPath);
        Assert.Equal(Path.Combine(Root, "audio", "validate", "a.wav"), splits.Validation.Single().AudioPath);
        Assert.Equal(Path.Combine(Root, "audio", "test", "a.wav"), splits.Test.Single().AudioPath);
        Assert.Empty(splits.Notes);
    }

    [Fact]
    public void AFileInTwoSplitsAndPathsOutsideTheAudioFolderAreProblems()
    {
        WriteEventList(Root, "train.tsv", "a.wav 0 1 bird", "../secret.wav 0 1 bird", "b.wav 0 1 bird");
        WriteEventList(Root, "test.tsv", "a.wav 0 1 bird");
        WriteWav(Root, "audio/a.wav", 1);
        WriteWav(Root, "audio/b.wav", 1);
        WriteWav(Root, "secret.wav", 1);

        AssertProblems(() => Load(), Root,
            "train.tsv: ../secret.wav: ../secret.wav is not a path inside audio",
            "test.tsv: a.wav: audio/a.wav is already listed for train at train.tsv: a.wav");

        var splits = Load(new EventDatasetOptions { SkipBad = true, HoldOutFraction = 0 });
        Assert.Equal(["a.wav", "b.wav"], Names(splits.Train));
        Assert.Empty(splits.Test);
        Assert.Contains("the test split is empty", splits.Notes);
    }

    [Fact]
    public void MissingListsAndFoldersAreFatal()
    {
        WriteEventList(Root, "validate.tsv", "a.wav 0 1 bird");

        AssertProblems(() => Load(new EventDatasetOptions { SkipBad = true }), Root,
            "train.tsv: missing event file",
            "audio: missing audio folder of train.tsv",
            "audio: missing audio folder of validate.tsv",
            "test.tsv: missing event file",
            "audio: missing audio folder of test.tsv");
    }

    [Fact]
    public void NothingToTrainOnIsFatal()
    {
        WriteLines(Root, "train.tsv", "filename\tonset\toffset\tevent_label");
        WriteEventList(Root, "test.tsv", "t.wav 0 1 bird");
        WriteWav(Root, "audio/t.wav", 1);

        // Not "unknown label" for every test event: without training labels there is nothing to check them against.
        AssertProblems(() => Load(new EventDatasetOptions { SkipBad = true }), Root,
            "train.tsv: no labels, so there are no classes to learn");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABadTrainingHeaderIsReportedAloneNotAsAnUnknownLabelPerTestEvent(bool skipBad)
    {
        WriteLines(Root, "train.tsv", "file\tstart\tend\tlabel", "a.wav\t0\t1\tbird");
        WriteEventList(Root, "test.tsv", "t.wav 0 1 bird", "u.wav 0 1 car", "v.wav 0 1 dog");
        foreach (string name in new[] { "a", "t", "u", "v" })
            WriteWav(Root, $"audio/{name}.wav", 1.5);

        AssertProblems(() => Load(new EventDatasetOptions { SkipBad = skipBad }), Root,
            $"{Path.Combine(Root, "train.tsv")}: 1 problem: line 1: header lacks columns filename, onset, offset, event_label (found 'file', 'start', 'end', 'label'; is the file tab-separated?)");
    }

    [Fact]
    public void WithoutTrainingLabelsTheOtherSplitsStillReportTheirOwnProblems()
    {
        WriteLines(Root, "train.tsv", "file\tstart\tend\tlabel", "a.wav\t0\t1\tbird");
        WriteWav(Root, "audio/a.wav", 1.5);

        AssertProblems(() => Load(), Root,
            $"{Path.Combine(Root, "train.tsv")}: 1 problem: line 1: header lacks columns filename, onset, offset, event_label (found 'file', 'start', 'end', 'label'; is the file tab-separated?)",
            "test.tsv: missing event file");
    }
}
