using CompactConv.Data.Audio;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Audio;

public sealed class TauLayoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private string MetaPath => Path.Combine(Root, "meta.csv");

    // Park first, so a loader that kept first-seen order instead of sorting would show.
    private static readonly string[] Meta =
    [
        "filename\tscene_label\tidentifier\tsource_label",
        "audio/park-prague-5-0-a.wav\tpark\tprague-5\ta",
        "audio/park-prague-5-1-s3.wav\tpark\tprague-5\ts3",
        "audio/park-milan-4-0-a.wav\tpark\tmilan-4\ta",
        "audio/airport-barcelona-0-0-a.wav\tairport\tbarcelona-0\ta",
        "audio/airport-barcelona-0-1-b.wav\tairport\tbarcelona-0\tb",
        "audio/airport-lisbon-1-0-s1.wav\tairport\tlisbon-1\ts1",
        "audio/bus-lyon-2-0-a.wav\tbus\tlyon-2\ta",
        "audio/bus-lyon-2-1-c.wav\tbus\tlyon-2\tc",
        "audio/bus-paris-3-0-s2.wav\tbus\tparis-3\ts2",
    ];

    private static readonly string[] Train =
    [
        "filename\tscene_label",
        "audio/airport-barcelona-0-0-a.wav\tairport",
        "audio/airport-barcelona-0-1-b.wav\tairport",
        "audio/bus-lyon-2-0-a.wav\tbus",
        "audio/bus-lyon-2-1-c.wav\tbus",
        "audio/park-prague-5-0-a.wav\tpark",
        "audio/park-prague-5-1-s3.wav\tpark",
    ];

    private static readonly string[] Evaluate =
    [
        "filename\tscene_label",
        "audio/airport-lisbon-1-0-s1.wav\tairport",
        "audio/bus-paris-3-0-s2.wav\tbus",
        "audio/park-milan-4-0-a.wav\tpark",
    ];

    private void Write(string[]? meta = null, string[]? train = null, string[]? evaluate = null)
    {
        WriteLines(Root, "meta.csv", meta ?? Meta);
        WriteLines(Root, "evaluation_setup/fold1_train.csv", train ?? Train);
        WriteLines(Root, "evaluation_setup/fold1_evaluate.csv", evaluate ?? Evaluate);
        WriteLines(Root, "evaluation_setup/fold1_test.csv", ["filename", .. Evaluate.Skip(1).Select(l => l.Split('\t')[0])]);
        WriteAudio(Root, Meta.Skip(1).Select(l => l.Split('\t')[0]).ToArray());
    }

    private AudioSplits Load(AudioDatasetOptions? options = null, int? fold = null) =>
        AudioDatasets.Load("tau2020", Root, fold, options);

    [Fact]
    public void ReadsTheOfficialFoldWithDevicesAndSources()
    {
        Write();

        var splits = Load();

        Assert.Equal(["airport", "bus", "park"], splits.ClassNames);
        Assert.Equal(
            ["airport-barcelona-0-0-a.wav", "airport-barcelona-0-1-b.wav", "bus-lyon-2-0-a.wav", "bus-lyon-2-1-c.wav", "park-prague-5-0-a.wav", "park-prague-5-1-s3.wav"],
            FileNames(splits.Train));
        Assert.Equal(["airport-lisbon-1-0-s1.wav", "bus-paris-3-0-s2.wav", "park-milan-4-0-a.wav"], FileNames(splits.Test));
        Assert.Empty(splits.Validation);
        Assert.Equal(["airport", "airport", "bus", "bus", "park", "park"], splits.Train.Select(e => e.Label));
        Assert.Equal(["a", "b", "a", "c", "a", "s3"], splits.Train.Select(e => e.Device));
        Assert.Equal(["s1", "s2", "a"], splits.Test.Select(e => e.Device));
        Assert.Equal(["barcelona-0", "barcelona-0", "lyon-2", "lyon-2", "prague-5", "prague-5"], splits.Train.Select(e => e.Source));
        Assert.All(splits.Train.Concat(splits.Test), e =>
        {
            Assert.True(Path.IsPathFullyQualified(e.Path));
            Assert.True(File.Exists(e.Path));
            Assert.Null(e.Fold);
        });
        Assert.Equal(Path.Combine(Root, "audio", "bus-lyon-2-1-c.wav"), splits.Train[3].Path);
        Assert.Empty(splits.Warnings);
        Assert.Empty(splits.Skipped);
        Assert.Contains("2020", splits.Source);
        Assert.Contains("fold 1", splits.Source);
        Assert.Contains(Root, splits.Source);
        Assert.Contains("6 train / 0 validation / 3 test, 3 classes", splits.Source);
    }

    [Fact]
    public void Tau2019ReadsTheSameLayoutAndItsDeviceA()
    {
        Write();

        var splits = AudioDatasets.Load("tau2019", Root);

        Assert.Contains("2019", splits.Source);
        Assert.Equal(6, splits.Train.Count);
        Assert.Equal("a", splits.Train[0].Device);
    }

    [Fact]
    public void AnotherFoldNeedsItsSetupFiles()
    {
        Write();

        Assert.Equal(6, Load(fold: 1).Train.Count);
        var error = Assert.Throws<DataException>(() => Load(fold: 2));
        Assert.Equal(Path.Combine(Root, "evaluation_setup/fold2_train.csv"), error.Path);
        Assert.Contains("missing TAU evaluation setup file for fold 2 (the development sets define fold 1 only)", error.Message);
        Assert.Throws<ArgumentException>(() => Load(fold: 0));
    }

    [Fact]
    public void AValidateListNamesTheValidationClips()
    {
        // What `compactconv synth` writes next to the TAU files: clips moved out of the training list.
        Write(train: Train.Where(l => !l.Contains("barcelona-0-1") && !l.Contains("prague-5-1")).ToArray());
        WriteLines(Root, "evaluation_setup/fold1_validate.csv",
            "filename\tscene_label", "audio/airport-barcelona-0-1-b.wav\tairport", "audio/park-prague-5-1-s3.wav\tpark");

        var splits = Load(new AudioDatasetOptions { ValidationFraction = 0.5 });

        Assert.Equal(["airport-barcelona-0-1-b.wav", "park-prague-5-1-s3.wav"], FileNames(splits.Validation));
        Assert.Equal(["airport-barcelona-0-0-a.wav", "bus-lyon-2-0-a.wav", "bus-lyon-2-1-c.wav", "park-prague-5-0-a.wav"], FileNames(splits.Train));
        Assert.Contains("4 train / 2 validation / 3 test", splits.Source);
        Assert.Contains("the validation fraction was ignored: the split file names the validation examples", splits.Warnings);
    }

    [Fact]
    public void AClipInTheValidateAndTrainListsIsADuplicate()
    {
        Write();
        WriteLines(Root, "evaluation_setup/fold1_validate.csv", "filename\tscene_label", "audio/bus-lyon-2-0-a.wav\tbus");

        AssertProblems(() => Load(), MetaPath,
            "evaluation_setup/fold1_validate.csv line 2: duplicate audio/bus-lyon-2-0-a.wav, already listed at evaluation_setup/fold1_train.csv line 4");
    }

    [Fact]
    public void MissingMetaFileIsNamed()
    {
        Write();
        File.Delete(MetaPath);

        var error = Assert.Throws<DataException>(() => Load());

        Assert.Equal(MetaPath, error.Path);
        Assert.Equal($"{MetaPath}: missing TAU metadata file", error.Message);
    }

    [Fact]
    public void MissingAudioFilesAreAllNamed()
    {
        Write();
        File.Delete(Path.Combine(Root, "audio/bus-lyon-2-0-a.wav"));
        File.Delete(Path.Combine(Root, "audio/park-milan-4-0-a.wav"));

        AssertProblems(() => Load(), MetaPath,
            "evaluation_setup/fold1_train.csv line 4: missing audio file audio/bus-lyon-2-0-a.wav",
            "evaluation_setup/fold1_evaluate.csv line 4: missing audio file audio/park-milan-4-0-a.wav");
    }

    [Fact]
    public void SetupLabelsAreCheckedAgainstMeta()
    {
        Write(train: [.. Train[..^1], "audio/park-prague-5-1-s3.wav\tbus", "audio/bus-paris-3-0-s2.wav\tbeach", "audio/nowhere-x-0-0-a.wav\tbus"]);

        AssertProblems(() => Load(), MetaPath,
            "evaluation_setup/fold1_train.csv line 7: scene label 'bus' of audio/park-prague-5-1-s3.wav differs from 'park' in meta.csv",
            "evaluation_setup/fold1_train.csv line 8: unknown scene label 'beach' (not in meta.csv)",
            "evaluation_setup/fold1_train.csv line 9: audio/nowhere-x-0-0-a.wav is not listed in meta.csv");
    }

    [Fact]
    public void MalformedRowsAndDuplicatesAreReportedWithLineNumbers()
    {
        Write(
            meta: [.. Meta, "audio/bus-lyon-2-0-a.wav\tbus\tlyon-2\ta", "audio/extra.wav\tbus"],
            train: [.. Train, "audio/bus-paris-3-0-s2.wav\tbus"]);

        AssertProblems(() => Load(), MetaPath,
            "meta.csv line 11: duplicate audio/bus-lyon-2-0-a.wav, already listed at meta.csv line 8",
            "meta.csv line 12: expected 4 TAB-separated columns, found 2",
            "evaluation_setup/fold1_evaluate.csv line 3: duplicate audio/bus-paris-3-0-s2.wav, already listed at evaluation_setup/fold1_train.csv line 8");
    }

    [Fact]
    public void ClassWithoutTrainingExampleIsAProblem()
    {
        Write(train: Train.Where(l => !l.Contains("\tpark")).ToArray());

        AssertProblems(() => Load(), MetaPath, "class 'park' has no training example (validation/test: 1)");
    }

    [Fact]
    public void HeaderWithoutAColumnFailsEvenWhenSkipping()
    {
        Write(train: ["filename\tlabel", .. Train.Skip(1)]);

        AssertProblems(() => Load(new AudioDatasetOptions { SkipBad = true }), MetaPath,
            "evaluation_setup/fold1_train.csv line 1: header lacks column 'scene_label' (found 'filename', 'label'; is the file TAB-separated?)");
    }

    [Fact]
    public void CommaSeparatedMetaIsCaughtByTheHeader()
    {
        Write(meta: Meta.Select(l => l.Replace('\t', ',')).ToArray());

        var error = Assert.Throws<DataException>(() => Load());

        Assert.Contains("meta.csv line 1: header lacks columns 'filename', 'scene_label', 'identifier'", error.Message);
        Assert.Contains("TAB-separated", error.Message);
    }

    [Fact]
    public void SkipBadDropsTheBadExamplesAndListsThem()
    {
        Write(train: [.. Train, "audio/bus-paris-3-0-s2.wav\tbus", "audio/unknown.wav\tpark\textra"]);
        File.Delete(Path.Combine(Root, "audio/airport-barcelona-0-1-b.wav"));

        var splits = Load(new AudioDatasetOptions { SkipBad = true });

        Assert.Equal(["airport-barcelona-0-0-a.wav", "bus-lyon-2-0-a.wav", "bus-lyon-2-1-c.wav", "park-prague-5-0-a.wav", "park-prague-5-1-s3.wav", "bus-paris-3-0-s2.wav"],
            FileNames(splits.Train));
        Assert.Equal(["airport-lisbon-1-0-s1.wav", "park-milan-4-0-a.wav"], FileNames(splits.Test));
        Assert.Equal(
        [
            "evaluation_setup/fold1_train.csv line 3: missing audio file audio/airport-barcelona-0-1-b.wav",
            "evaluation_setup/fold1_train.csv line 9: expected 2 TAB-separated columns, found 3",
            "evaluation_setup/fold1_evaluate.csv line 3: duplicate audio/bus-paris-3-0-s2.wav, already listed at evaluation_setup/fold1_train.csv line 8",
        ], splits.Skipped);
    }

    [Fact]
    public void SourceInBothTrainAndTestIsAWarning()
    {
        Write(
            meta: Meta.Select(l => l.Replace("\tmilan-4\t", "\tprague-5\t")).ToArray());

        var splits = Load();

        Assert.Equal(["source 'prague-5' has clips in both training (2) and test (1)"], splits.Warnings);
        Assert.Equal(3, splits.Test.Count);
    }
}
