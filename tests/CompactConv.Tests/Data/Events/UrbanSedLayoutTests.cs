using CompactConv.Data.Events;
using static CompactConv.Tests.Data.Audio.AudioFixtures;
using static CompactConv.Tests.Data.Events.EventFixtures;

namespace CompactConv.Tests.Data.Events;

public sealed class UrbanSedLayoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private void Clip(string split, string name, double seconds, params string[] events)
    {
        WriteWav(Root, $"audio/{split}/{name}.wav", seconds);
        WriteLines(Root, $"annotations/{split}/{name}.txt", events.Select(e => e.Replace(' ', '\t')).ToArray());
    }

    // Three training clips (one without events), one validation and one test clip, all 2 s.
    private void WriteStandard()
    {
        Clip("train", "a", 2, "0.5 1.5 dog_bark", "0.2 0.8 car_horn");
        Clip("train", "b", 2, "1.0 2.0 siren");
        WriteWav(Root, "audio/train/c.wav", 2);
        File.WriteAllText(Path.Combine(Root, "annotations/train/c.txt"), "");
        File.WriteAllText(Path.Combine(Root, "annotations/train/a.jams"), "{}");
        Clip("validate", "v", 2, "0 1 dog_bark");
        Clip("test", "t", 2, "0.25 0.75 siren");
    }

    private EventSplits Load(EventDatasetOptions? options = null) => EventDatasets.Load("URBANSED", Root, options);

    [Fact]
    public void FoldersGiveTheSplitsAndTrainingLabelsTheClasses()
    {
        WriteStandard();

        var splits = Load();

        Assert.Equal(["car_horn", "dog_bark", "siren"], splits.ClassNames);
        Assert.Equal(["a.wav", "b.wav", "c.wav"], Names(splits.Train));
        Assert.Equal(["v.wav"], Names(splits.Validation));
        Assert.Equal(["t.wav"], Names(splits.Test));
        var a = splits.Train[0];
        Assert.Equal(Path.Combine(Root, "audio", "train", "a.wav"), a.AudioPath);
        Assert.Equal(2.0, a.Duration);
        Assert.Null(a.WeakLabels);
        Assert.False(a.IsWeak);
        Assert.Equal([Event("a.wav", 0.2, 0.8, "car_horn"), Event("a.wav", 0.5, 1.5, "dog_bark")], a.Events);
        Assert.Equal(["car_horn", "dog_bark"], a.Labels);
        Assert.Empty(splits.Train[2].Events); // an empty annotation is a clip without events
        Assert.Equal([Event("t.wav", 0.25, 0.75, "siren")], splits.Test[0].Events);
        Assert.Empty(splits.Notes);
        Assert.Empty(splits.Skipped);
        Assert.Equal($"URBAN-SED from {Root}: 3 train / 1 validation / 1 test clips, 3 classes", splits.Source);
    }

    [Fact]
    public void LabelsOutsideTrainingAreProblemsWithTheirLineUnlessSkipped()
    {
        WriteStandard();
        Clip("test", "t", 2, "0.25 0.75 siren", "0 1 gun_shot");
        Clip("validate", "v", 2, "0 1 jackhammer");

        AssertProblems(() => Load(), Root,
            "annotations/validate/v.txt line 1: unknown label 'jackhammer' (not among the training labels)",
            "annotations/test/t.txt line 2: unknown label 'gun_shot' (not among the training labels)");

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal(["t.wav"], Names(splits.Test));
        Assert.Equal([Event("t.wav", 0.25, 0.75, "siren")], splits.Test[0].Events);
        Assert.Empty(splits.Validation[0].Events); // the clip stays: its sound is background to the known classes
        Assert.Equal(2, splits.Skipped.Count);
    }

    [Fact]
    public void AudioAndAnnotationMustComeInPairs()
    {
        WriteStandard();
        WriteWav(Root, "audio/train/lonely.wav", 1);
        WriteLines(Root, "annotations/test/orphan.txt", "0\t1\tsiren");

        AssertProblems(() => Load(), Root,
            "audio/train/lonely.wav: audio file without annotation annotations/train/lonely.txt",
            "annotations/test/orphan.txt: annotation without audio file in audio/test");

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal(["a.wav", "b.wav", "c.wav"], Names(splits.Train));
        Assert.Equal(["t.wav"], Names(splits.Test));
    }

    [Fact]
    public void MalformedLinesAreListedWithLineNumbersAndCostTheirClip()
    {
        WriteStandard();
        Clip("train", "bad", 2, "0.1 0.2 siren", "1 0.5 siren", "x 1 siren", "0 1", "-0.5 1 siren", "0 y siren", "0 1 ");

        AssertProblems(() => Load(), Root,
            "annotations/train/bad.txt line 2: onset 1 is after offset 0.5",
            "annotations/train/bad.txt line 3: onset 'x' is not a number of seconds",
            "annotations/train/bad.txt line 4: expected 3 tab-separated columns (onset, offset, label), found 2",
            "annotations/train/bad.txt line 5: onset -0.5 is negative",
            "annotations/train/bad.txt line 6: offset 'y' is not a number of seconds",
            "annotations/train/bad.txt line 7: empty label");

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal(["a.wav", "b.wav", "c.wav"], Names(splits.Train));
        Assert.Equal(6, splits.Skipped.Count);
    }

    [Fact]
    public void SameLabelOverlapsMergeAndEventsAreCutAtTheClipEnd()
    {
        WriteStandard();
        Clip("train", "d", 2, "0.1 0.5 siren", "0.4 0.9 siren", "0.9 1.2 siren", "0.3 0.6 dog_bark",
            "1.5 2.5 dog_bark", "1.9 2.0005 car_horn", "2.0 2.4 car_horn");

        var splits = Load();

        var d = splits.Train.Single(e => e.FileName == "d.wav");
        Assert.Equal(
        [
            Event("d.wav", 0.1, 0.9, "siren"),     // 0.1-0.5 and 0.4-0.9 overlap: one event
            Event("d.wav", 0.3, 0.6, "dog_bark"),  // another label may overlap
            Event("d.wav", 0.9, 1.2, "siren"),     // touching is not overlapping
            Event("d.wav", 1.5, 2.0, "dog_bark"),  // cut at the end, noted
            Event("d.wav", 1.9, 2.0, "car_horn"),  // cut at the end silently: 0.5 ms over
        ], d.Events);
        // The metrics' reference is the annotation as written: in its order, overlaps kept, nothing cut or left out.
        Assert.Equal(
        [
            Event("d.wav", 0.1, 0.5, "siren"), Event("d.wav", 0.4, 0.9, "siren"), Event("d.wav", 0.9, 1.2, "siren"), Event("d.wav", 0.3, 0.6, "dog_bark"),
            Event("d.wav", 1.5, 2.5, "dog_bark"), Event("d.wav", 1.9, 2.0005, "car_horn"), Event("d.wav", 2.0, 2.4, "car_horn"),
        ], d.ReferenceEvents);
        Assert.Equal(
        [
            "annotations/train/d.txt line 5: ends at 2.5 s, after the clip's end (2 s); cut at the end",
            "annotations/train/d.txt line 7: starts at 2 s, at or after the clip's end (2 s); left out",
            "annotations/train/d.txt line 2: overlaps annotations/train/d.txt line 1 of the same label 'siren'; merged into 0.1-0.9 s",
        ], splits.Notes);
    }

    [Fact]
    public void WithoutAValidateFolderASeededTenthOfTrainIsHeldOut()
    {
        for (int i = 0; i < 20; i++)
            Clip("train", $"s{i:00}", 1, "0 0.5 siren");
        Clip("test", "t", 1, "0 0.5 siren");

        var first = Load(new EventDatasetOptions { Seed = 7 });
        var again = Load(new EventDatasetOptions { Seed = 7 });

        Assert.Equal(18, first.Train.Count);
        Assert.Equal(2, first.Validation.Count);
        Assert.Equal(Names(first.Validation), Names(again.Validation));
        Assert.Empty(Names(first.Train).Intersect(Names(first.Validation)));
        Assert.Equal(Names(first.Train), Names(first.Train).Order(StringComparer.Ordinal)); // order kept
        Assert.Contains("the layout has no validation split: 2 of 20 strongly labelled training clips held out at random (fraction 0.1, seed 7)", first.Notes);
        var none = Load(new EventDatasetOptions { HoldOutFraction = 0 });
        Assert.Equal(20, none.Train.Count);
        Assert.Empty(none.Validation);
    }

    [Fact]
    public void MissingFoldersAreFatalEvenWhenSkipping()
    {
        WriteStandard();
        Directory.Delete(Path.Combine(Root, "annotations", "test"), recursive: true);
        Directory.Delete(Path.Combine(Root, "audio", "validate"), recursive: true);

        AssertProblems(() => Load(new EventDatasetOptions { SkipBad = true }), Root,
            "missing folder audio/validate (expected audio/ and annotations/ with train, validate and test)",
            "missing folder annotations/test (expected audio/ and annotations/ with train, validate and test)");
    }

    [Fact]
    public void UnreadableAudioIsAProblemAndLabelsOutsideUrbanSedAreNoted()
    {
        WriteStandard();
        Clip("train", "e", 2, "0 1 dogbark");
        File.WriteAllBytes(Path.Combine(Root, "audio/train/b.wav"), [1, 2, 3, 4]);
        string bad = Path.Combine(Root, "audio", "train", "b.wav");

        var error = Assert.Throws<DataException>(() => Load());
        Assert.StartsWith($"{Root}: 1 problem: {bad}: ", error.Message);
        Assert.EndsWith(" (annotations/train/b.txt)", error.Message);

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal(["a.wav", "c.wav", "e.wav"], Names(splits.Train));
        Assert.Equal(["car_horn", "dog_bark", "dogbark", "siren"], splits.ClassNames);
        Assert.Contains("class 'siren' has no training clip left after skipping clips with problems", splits.Notes);
        Assert.Contains(splits.Notes, n => n.StartsWith("training label 'dogbark' is not one of URBAN-SED's classes (air_conditioner, car_horn,", StringComparison.Ordinal));
    }
}
