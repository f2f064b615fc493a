using CompactConv.Data.Events;
using static CompactConv.Tests.Data.Audio.AudioFixtures;
using static CompactConv.Tests.Data.Events.EventFixtures;

namespace CompactConv.Tests.Data.Events;

public sealed class DesedLayoutTests : IDisposable
{
    private const string SynthTsv = "metadata/train/synthetic21_train/soundscapes.tsv";
    private const string SynthAudio = "audio/train/synthetic21_train/soundscapes";
    private const string ValidationTsv = "metadata/validation/validation.tsv";
    private const string ValidationAudio = "audio/validation/validation";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private EventSplits Load(EventDatasetOptions? options = null) => EventDatasets.Load("desed", Root, options);

    // The DCASE 2021-2023 download: synthetic and weak training sets, synthetic validation, real validation as test.
    private void Write2021()
    {
        WriteEventList(Root, SynthTsv, "s1.wav 0.5 1.5 Dog", "s1.wav 1.0 2.5 Dog", "s2.wav 0 1 Speech");
        WriteWav(Root, $"{SynthAudio}/s1.wav", 3);
        WriteWav(Root, $"{SynthAudio}/s2.wav", 3);
        WriteLines(Root, "metadata/train/weak.tsv", "filename\tevent_labels", "w1.wav\tDog,Speech", "w2.wav\tCat");
        WriteWav(Root, "audio/train/weak/w1.wav", 3);
        WriteWav(Root, "audio/train/weak/w2.wav", 3);
        WriteEventList(Root, "metadata/validation/synthetic21_validation/soundscapes.tsv", "sv.wav 0 1 Cat");
        WriteWav(Root, "audio/validation/synthetic21_validation/soundscapes/sv.wav", 3);
        WriteLines(Root, ValidationTsv, "filename\tonset\toffset\tevent_label", "r1.wav\t0.2\t0.4\tSpeech", "r2.wav\t\t\t");
        WriteWav(Root, $"{ValidationAudio}/r1.wav", 3);
        WriteWav(Root, $"{ValidationAudio}/r2.wav", 3);
    }

    [Fact]
    public void TheDownloadLayoutGivesStrongAndWeakTrainingClipsAndTheRealValidationSetAsTest()
    {
        Write2021();

        var splits = Load();

        Assert.Equal(["Cat", "Dog", "Speech"], splits.ClassNames);
        Assert.Equal(["s1.wav", "s2.wav", "w1.wav", "w2.wav"], Names(splits.Train));
        Assert.Equal([Event("s1.wav", 0.5, 2.5, "Dog")], splits.Train[0].Events);
        var w1 = splits.Train[2];
        Assert.True(w1.IsWeak);
        Assert.Equal(["Dog", "Speech"], w1.WeakLabels);
        Assert.Empty(w1.Events);
        Assert.Equal(Path.Combine(Root, "audio", "train", "weak", "w1.wav"), w1.AudioPath);
        Assert.Equal(["sv.wav"], Names(splits.Validation));
        Assert.Equal(["r1.wav", "r2.wav"], Names(splits.Test));
        Assert.Equal([Event("r1.wav", 0.2, 0.4, "Speech")], splits.Test[0].Events);
        Assert.Empty(splits.Test[1].Events);
        Assert.Equal(3.0, splits.Test[1].Duration);
        Assert.Equal(
            $"DESED from {Root} (train: synthetic21_train, weak; validation: synthetic21_validation; test: validation): " +
            "4 train / 1 validation / 2 test clips, 3 classes", splits.Source);
        Assert.Equal(
        [
            $"{SynthTsv}: s1.wav event 1-2.5 s: overlaps {SynthTsv}: s1.wav event 0.5-1.5 s of the same label 'Dog'; merged into 0.5-2.5 s",
        ], splits.Notes);
    }

    [Fact]
    public void OlderAndResampledFoldersAreFound()
    {
        // DCASE 2020: synthetic20, the real validation clips directly in audio/validation; audio only resampled.
        WriteEventList(Root, "metadata/train/synthetic20/soundscapes.tsv", "a.wav 0 1 Dog", "b.wav 0 1 Dog");
        WriteWav(Root, "audio/train/synthetic20/soundscapes_16k/a.wav", 2);
        WriteWav(Root, "audio/train/synthetic20/soundscapes_16k/b.wav", 2);
        WriteEventList(Root, ValidationTsv, "r.wav 0 1 Dog");
        WriteWav(Root, "audio/validation/r.wav", 2);

        var splits = Load();

        Assert.Equal(Path.Combine(Root, "audio", "train", "synthetic20", "soundscapes_16k", "a.wav"),
            splits.Train.Concat(splits.Validation).Single(e => e.FileName == "a.wav").AudioPath);
        Assert.Single(splits.Validation); // no synthetic validation set: held out of train
        Assert.Equal(Path.Combine(Root, "audio", "validation", "r.wav"), splits.Test[0].AudioPath);
        Assert.StartsWith($"DESED from {Root} (train: synthetic20; test: validation)", splits.Source);
    }

    [Fact]
    public void The2023SyntheticFolderIsFound()
    {
        WriteEventList(Root, "dcase_synth/" + SynthTsv, "a.wav 0 1 Dog");
        WriteWav(Root, "dcase_synth/" + SynthAudio + "/a.wav", 2);
        WriteEventList(Root, ValidationTsv, "r.wav 0 1 Dog");
        WriteWav(Root, $"{ValidationAudio}/r.wav", 2);

        var splits = Load();

        Assert.Equal(Path.Combine(Root, "dcase_synth", "audio", "train", "synthetic21_train", "soundscapes", "a.wav"), splits.Train[0].AudioPath);
    }

    [Fact]
    public void MissingSetsAndAudioFoldersAreNamed()
    {
        WriteEventList(Root, SynthTsv, "a.wav 0 1 Dog");
        WriteWav(Root, $"{SynthAudio}/a.wav", 2);
        var noTest = Assert.Throws<DataException>(() => Load());
        Assert.Equal($"{Root}: no DESED test annotations: expected one of {ValidationTsv} (or pass explicit split files)", noTest.Message);

        WriteEventList(Root, ValidationTsv, "r.wav 0 1 Dog");
        var noAudio = Assert.Throws<DataException>(() => Load());
        Assert.Equal(Path.Combine(Root, ValidationTsv), noAudio.Path);
        Assert.EndsWith("no audio folder for the DESED validation set; looked for audio/validation/validation, audio/validation/validation_16k, " +
            "dcase_synth/audio/validation/validation, dcase_synth/audio/validation/validation_16k, audio/validation, audio/validation_16k, " +
            "dcase_synth/audio/validation, dcase_synth/audio/validation_16k", noAudio.Message);

        WriteWav(Root, $"{ValidationAudio}/r.wav", 2);
        Directory.Delete(Path.Combine(Root, "metadata", "train"), recursive: true);
        var noTrain = Assert.Throws<DataException>(() => Load());
        Assert.StartsWith($"{Root}: no DESED training annotations: expected one of {SynthTsv}, metadata/train/synthetic20/soundscapes.tsv, " +
            "metadata/train/audioset_strong.tsv, metadata/train/weak.tsv", noTrain.Message);
    }

    [Fact]
    public void MissingAndUnlistedAudioAreProblemsThatSkippingLeavesOut()
    {
        Write2021();
        WriteLines(Root, ValidationTsv, "filename\tonset\toffset\tevent_label", "r1.wav\t0.2\t0.4\tSpeech", "r2.wav\t\t\t", "r3.wav\t0\t1\tDog");
        WriteWav(Root, $"{ValidationAudio}/extra.wav", 1);

        AssertProblems(() => Load(), Root,
            $"{ValidationTsv}: r3.wav: missing audio file {ValidationAudio}/r3.wav",
            $"{ValidationAudio}/extra.wav: audio file not named in {ValidationTsv}");

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal(["r1.wav", "r2.wav"], Names(splits.Test));
        Assert.Equal(2, splits.Skipped.Count);
    }

    [Fact]
    public void UnknownLabelsFailWithTheirLineOrCostJustTheirEvent()
    {
        Write2021();
        WriteLines(Root, ValidationTsv, "filename\tonset\toffset\tevent_label", "r1.wav\t0\t1\tBlender", "r1.wav\t1\t2\tCat", "r2.wav\t\t\t");

        var error = Assert.Throws<DataException>(() => Load());
        Assert.Equal(Root, error.Path);
        Assert.Contains(Path.Combine(Root, ValidationTsv), error.Message);
        Assert.Contains("line 2", error.Message); // the event list reader's own report

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal([$"{ValidationTsv}: r1.wav event 0-1 s: unknown label 'Blender' (not among the training labels)"], splits.Skipped);
        Assert.Equal([Event("r1.wav", 1, 2, "Cat")], splits.Test[0].Events);
        // An event skipped for its label is not scored either: the model has no such class.
        Assert.Equal([Event("r1.wav", 1, 2, "Cat")], splits.Test[0].ReferenceEvents);
    }

    [Fact]
    public void AnUnreadableEventListIsFatalEvenWhenSkipping()
    {
        Write2021();
        WriteEventList(Root, SynthTsv, "s1.wav 2 1 Dog", "s2.wav 0 1 Speech");

        var error = Assert.Throws<DataException>(() => Load(new EventDatasetOptions { SkipBad = true }));
        Assert.Equal(Root, error.Path);
        Assert.StartsWith($"{Root}: 1 problem: {Path.Combine(Root, SynthTsv)}: ", error.Message);
    }

    [Fact]
    public void WeakLabelsAreDeduplicatedAndMayBeEmpty()
    {
        Write2021();
        WriteLines(Root, "metadata/train/weak.tsv", "filename\tevent_labels", "w1.wav\t Dog , Speech,Dog", "w2.wav\tCat", "w3.wav", "w4.wav\t");
        WriteWav(Root, "audio/train/weak/w3.wav", 1);
        WriteWav(Root, "audio/train/weak/w4.wav", 1);

        AssertProblems(() => Load(), Root, "metadata/train/weak.tsv line 4: expected 2 TAB-separated columns, found 1",
            "audio/train/weak/w3.wav: audio file not named in metadata/train/weak.tsv");

        var splits = Load(new EventDatasetOptions { SkipBad = true });
        Assert.Equal(["Dog", "Speech"], splits.Train.Single(e => e.FileName == "w1.wav").WeakLabels);
        var w4 = splits.Train.Single(e => e.FileName == "w4.wav");
        Assert.True(w4.IsWeak);
        Assert.Empty(w4.Labels); // a clip with none of the classes
    }

    [Fact]
    public void ExplicitSplitFilesReplaceTheLayout()
    {
        WriteEventList(Root, "lists/strong.tsv", "a.wav 0 1 Dog", "b.wav 0 1 Doggo");
        WriteWav(Root, "wav/a.wav", 2);
        WriteWav(Root, "wav/b.wav", 2);
        WriteLines(Root, "lists/weak.tsv", "filename\tevent_labels", "a.wav\tDog");
        WriteWav(Root, "weak/a.wav", 2);
        string testList = Path.Combine(_temp.Folder("elsewhere"), "test.tsv");
        WriteEventList(Root, testList, "t.wav 0.5 1 Dog");
        WriteWav(Root, "wav_test/t.wav", 2);
        EventSplitFile[] files =
        [
            new(EventSplit.Train, "lists/strong.tsv", "wav"),
            new(EventSplit.Train, "lists/weak.tsv", "weak", Weak: true),
            new(EventSplit.Test, testList, Path.Combine(Root, "wav_test")),
        ];

        AssertProblems(() => Load(new EventDatasetOptions { SplitFiles = files }), Root,
            "lists/weak.tsv line 2: a.wav is listed twice in the train split, first at lists/strong.tsv: a.wav");

        var splits = Load(new EventDatasetOptions { SplitFiles = files, SkipBad = true, HoldOutFraction = 0 });
        Assert.Equal(["a.wav", "b.wav"], Names(splits.Train));
        Assert.Equal(["t.wav"], Names(splits.Test));
        Assert.Equal(["Dog", "Doggo"], splits.ClassNames);
        Assert.Contains(splits.Notes, n => n.StartsWith("training label 'Doggo' is not one of DESED's classes (Alarm_bell_ringing, Blender,", StringComparison.Ordinal));
        Assert.StartsWith($"desed split files in {Root}: 2 train / 0 validation / 1 test clips", splits.Source);
    }
}
