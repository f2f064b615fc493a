using CompactConv.Data.Audio;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Audio;

public sealed class FolderLayoutTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private AudioSplits Load(AudioDatasetOptions? options = null) => AudioDatasets.Load("folders", Root, null, options);

    private void WriteClass(string label, int files)
    {
        for (int i = 0; i < files; i++)
            WriteAudio(Root, $"{label}/{label}{i:D2}.wav");
    }

    [Fact]
    public void SeededSplitIsStratifiedAndIgnoresOtherFiles()
    {
        WriteAudio(Root, "cat/c0.wav", "cat/c1.wav", "cat/c2.WAV", "cat/c3.wav", "cat/c4.wav", "cat/cover.jpg", "cat/c5.mp3",
            "dog/d0.ogg", "dog/d1.OGG", "owl/o0.wav", "notes/readme.txt", ".cache/x.wav", "stray.wav");

        var splits = Load(new AudioDatasetOptions { TestFraction = 0.2 });

        Assert.Equal(["cat", "dog", "owl"], splits.ClassNames);
        var all = splits.Train.Concat(splits.Test).ToList();
        Assert.Equal(["c0.wav", "c1.wav", "c2.WAV", "c3.wav", "c4.wav", "d0.ogg", "d1.OGG", "o0.wav"], FileNames(all).Order(StringComparer.Ordinal));
        Assert.Equal([("cat", 1), ("dog", 1)], splits.Test.CountBy(e => e.Label).Select(p => (p.Key, p.Value)));
        Assert.Equal([("cat", 4), ("dog", 1), ("owl", 1)], splits.Train.CountBy(e => e.Label).Select(p => (p.Key, p.Value)));
        Assert.All(all, e =>
        {
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(e.Path)), e.Label);
            Assert.Null(e.Source);
            Assert.Null(e.Device);
            Assert.Null(e.Fold);
        });
        Assert.Equal(
        [
            "folder 'notes' has no .wav or .ogg files and is not a class",
            "1 audio files directly in the data folder belong to no class and are ignored",
        ], splits.Warnings);
        Assert.Contains("seeded split (test fraction 0.2, seed 0)", splits.Source);
    }

    [Fact]
    public void SameSeedGivesTheSameSplitAndOtherSeedsOthers()
    {
        WriteClass("rain", 20);
        WriteClass("wind", 20);

        var options = new AudioDatasetOptions { TestFraction = 0.5, Seed = 7 };
        var first = Load(options);
        var again = Load(options);

        Assert.Equal(first.Train, again.Train);
        Assert.Equal(first.Test, again.Test);
        Assert.Equal(10, first.Test.Count(e => e.Label == "rain"));
        var testSets = Enumerable.Range(0, 4)
            .Select(seed => string.Join(",", FileNames(Load(options with { Seed = seed }).Test)))
            .ToHashSet();
        Assert.True(testSets.Count > 1, "every seed gave the same test split");
    }

    [Fact]
    public void EveryClassWithTwoFilesIsOnBothSides()
    {
        for (int size = 1; size <= 9; size++)
            WriteClass($"class{size}", size);

        var splits = Load(new AudioDatasetOptions { TestFraction = 0.3, Seed = 3 });

        for (int size = 1; size <= 9; size++)
        {
            string label = $"class{size}";
            int test = splits.Test.Count(e => e.Label == label);
            int expected = size < 2 ? 0 : Math.Clamp((int)Math.Round(size * 0.3, MidpointRounding.AwayFromZero), 1, size - 1);
            Assert.Equal(expected, test);
            Assert.Equal(size - expected, splits.Train.Count(e => e.Label == label));
        }
    }

    [Fact]
    public void AddingAClassLeavesTheOtherClassesSplitAlone()
    {
        WriteClass("bird", 10);
        var before = Load(new AudioDatasetOptions { TestFraction = 0.3 });
        WriteClass("alarm", 10);

        var after = Load(new AudioDatasetOptions { TestFraction = 0.3 });

        Assert.Equal(before.Test, after.Test.Where(e => e.Label == "bird"));
    }

    [Fact]
    public void ZeroTestFractionPutsEverythingInTraining()
    {
        WriteClass("bird", 3);

        var splits = Load(new AudioDatasetOptions { TestFraction = 0 });

        Assert.Equal(3, splits.Train.Count);
        Assert.Empty(splits.Test);
        Assert.Equal(["the test split is empty"], splits.Warnings);
    }

    [Fact]
    public void BadOptionsAndLayoutsAreRejected()
    {
        Assert.Throws<DataException>(() => Load());
        WriteAudio(Root, "notes/readme.txt");
        var empty = Assert.Throws<DataException>(() => Load());
        Assert.Equal(Root, empty.Path);
        Assert.Contains("no class folders with .wav or .ogg files", empty.Message);

        WriteClass("bird", 2);
        Assert.Contains("AudioDataRequest.Fold does not apply to folders",
            Assert.Throws<ArgumentException>(() => AudioDatasets.Load("folders", Root, 1)).Message);
        Assert.Equal("AudioDatasetOptions.TestFraction must be at least 0 and below 1, got 1",
            Assert.Throws<ArgumentException>(() => Load(new AudioDatasetOptions { TestFraction = 1 })).Message);
    }

    [Fact]
    public void SplitFileDecidesTheSplits()
    {
        WriteClass("bird", 4);
        WriteClass("frog", 3);
        WriteLines(Root, "split.csv",
            "filename,split",
            "bird/bird00.wav,train",
            "bird/bird01.wav,test",
            "bird/bird02.wav,validation",
            "frog/frog00.wav,train",
            "frog\\frog01.wav,test");

        var splits = Load(new AudioDatasetOptions { ValidationFraction = 0.5 });

        Assert.Equal(["bird", "frog"], splits.ClassNames);
        Assert.Equal(["bird00.wav", "frog00.wav"], FileNames(splits.Train));
        Assert.Equal(["bird02.wav"], FileNames(splits.Validation));
        Assert.Equal(["bird01.wav", "frog01.wav"], FileNames(splits.Test));
        Assert.Equal(
        [
            "2 audio files in class folders are not listed in split.csv and are ignored",
            "the validation fraction was ignored: the split file names the validation examples",
        ], splits.Warnings);
        Assert.Contains("split by split.csv", splits.Source);
    }

    [Fact]
    public void SplitFileProblemsAreAllReported()
    {
        WriteClass("bird", 2);
        WriteClass("frog", 2);
        WriteAudio(Root, "bird/notes.txt");
        WriteLines(Root, "split.csv",
            "filename,split",
            "bird/bird00.wav,train",
            "bird/bird01.wav,dev",
            "bird00.wav,train",
            "bird/notes.txt,train",
            "bird/bird09.wav,test",
            "bird/bird00.wav,test",
            "frog/frog00.wav,test",
            "frog/frog01.wav");
        string splitPath = Path.Combine(Root, "split.csv");

        string[] problems =
        [
            "split.csv line 3: split 'dev' is not train, validation or test",
            "split.csv line 4: bird00.wav is not in a class folder (expected <class>/<clip>.wav)",
            "split.csv line 5: bird/notes.txt is not a .wav or .ogg file",
            "split.csv line 6: missing audio file bird/bird09.wav",
            "split.csv line 7: duplicate bird/bird00.wav, already listed at split.csv line 2",
            "split.csv line 9: expected 2 ','-separated columns, found 1",
            "class 'frog' has no training example (validation/test: 1)",
        ];

        AssertProblems(() => Load(), splitPath, problems);
        var splits = Load(new AudioDatasetOptions { SkipBad = true });
        Assert.Equal(problems, splits.Skipped);
        Assert.Equal(["bird"], splits.ClassNames);
        Assert.Equal(["bird00.wav"], FileNames(splits.Train));
        Assert.Empty(splits.Test);
    }
}
