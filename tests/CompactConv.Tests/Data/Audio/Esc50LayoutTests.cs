using CompactConv.Data.Audio;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Audio;

public sealed class Esc50LayoutTests : IDisposable
{
    private const string Header = "filename,fold,target,category,esc10,src_file,take";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private string MetaPath => Path.Combine(Root, "meta", "esc50.csv");

    // Targets are not in name order, so ordering by target is visible.
    private static readonly (int Target, string Category)[] Classes = [(0, "dog"), (1, "rooster"), (2, "cat")];

    // One clip per class and fold, each from its own recording: 15 clips, named as ESC-50 names them.
    private static List<string> Rows() =>
        (from fold in Enumerable.Range(1, 5)
         from c in Classes
         let source = 1000 + fold * 10 + c.Target
         select $"{fold}-{source}-A-{c.Target}.wav,{fold},{c.Target},{c.Category},False,{source},A").ToList();

    private void Write(IEnumerable<string>? rows = null)
    {
        var all = (rows ?? Rows()).ToList();
        WriteLines(Root, "meta/esc50.csv", [Header, .. all]);
        WriteAudio(Root, all.Select(r => "audio/" + r.Split(',')[0]).Distinct().ToArray());
    }

    private AudioSplits Load(int? fold = 2, AudioDatasetOptions? options = null) => AudioDatasets.Load("esc50", Root, fold, options);

    [Fact]
    public void TheChosenFoldIsTheTestSplit()
    {
        Write();

        var splits = Load(fold: 2);

        Assert.Equal(["dog", "rooster", "cat"], splits.ClassNames);
        Assert.Equal(["2-1020-A-0.wav", "2-1021-A-1.wav", "2-1022-A-2.wav"], FileNames(splits.Test));
        Assert.Equal(12, splits.Train.Count);
        Assert.All(splits.Test, e => Assert.Equal(2, e.Fold));
        Assert.DoesNotContain(splits.Train, e => e.Fold == 2);
        Assert.Equal([1, 3, 4, 5], splits.Train.Select(e => e.Fold!.Value).Distinct().Order());
        Assert.Equal(["dog", "rooster", "cat"], splits.Test.Select(e => e.Label));
        Assert.Equal(["1020", "1021", "1022"], splits.Test.Select(e => e.Source));
        Assert.All(splits.Train, e => Assert.Null(e.Device));
        Assert.Equal(Path.Combine(Root, "audio", "1-1010-A-0.wav"), splits.Train[0].Path);
        Assert.Contains("ESC-50, test fold 2", splits.Source);
        Assert.Empty(splits.Warnings);
    }

    [Fact]
    public void FoldIsRequiredAndInRange()
    {
        Write();

        var missing = Assert.Throws<ArgumentException>(() => Load(fold: null));
        Assert.Equal("AudioDataRequest.Fold is required for esc50 (1-5)", missing.Message);
        var outside = Assert.Throws<ArgumentException>(() => Load(fold: 6));
        Assert.Equal("AudioDataRequest.Fold must be 1-5 for esc50, got 6", outside.Message);
    }

    [Fact]
    public void MissingMetadataNamesTheExpectedPath()
    {
        Directory.CreateDirectory(Path.Combine(Root, "audio"));

        var error = Assert.Throws<DataException>(() => Load());

        Assert.Equal(MetaPath, error.Path);
        Assert.Contains("missing ESC-50 metadata file", error.Message);
    }

    [Fact]
    public void MalformedNumbersAndConflictingClassesAreReportedWithLineNumbers()
    {
        var rows = Rows();
        rows.Add("9-1-A-0.wav,x,0,dog,False,1,A");        // line 17
        rows.Add("9-2-A-0.wav,1,zero,dog,False,2,A");     // line 18
        rows.Add("9-3-A-0.wav,7,0,dog,False,3,A");        // line 19
        rows.Add("9-4-A-1.wav,1,1,hen,False,4,A");        // line 20
        rows.Add("9-5-A-3.wav,1,3,cat,False,5,A");        // line 21
        rows.Add("9-6-A-0.wav,1,0,dog,False,6");          // line 22
        Write(rows);

        var error = Assert.Throws<DataException>(() => Load());
        Assert.StartsWith($"{MetaPath}: 6 problems: ", error.Message);

        var splits = Load(options: new AudioDatasetOptions { SkipBad = true });
        Assert.Equal(
        [
            "meta/esc50.csv line 17: fold 'x' is not an integer",
            "meta/esc50.csv line 18: target 'zero' is not an integer",
            "meta/esc50.csv line 19: fold 7 is outside 1-5",
            "meta/esc50.csv line 20: category 'hen' for target 1, which is 'rooster' at meta/esc50.csv line 3",
            "meta/esc50.csv line 21: target 3 for category 'cat', which is 2 at meta/esc50.csv line 4",
            "meta/esc50.csv line 22: expected 7 ','-separated columns, found 6",
        ], splits.Skipped);
        Assert.Equal(12, splits.Train.Count);
        Assert.Equal(3, splits.Test.Count);
    }

    [Fact]
    public void ProblemsFailTheLoadWithACountAndTheFirstFive()
    {
        var rows = Rows();
        rows.Add("1-1010-A-0.wav,3,0,dog,False,1010,A");
        Write(rows);
        foreach (string name in new[] { "1-1011-A-1.wav", "3-1030-A-0.wav", "4-1042-A-2.wav", "5-1050-A-0.wav", "5-1051-A-1.wav" })
            File.Delete(Path.Combine(Root, "audio", name));

        var error = Assert.Throws<DataException>(() => Load());

        Assert.Equal(MetaPath, error.Path);
        Assert.Equal(
            $"{MetaPath}: 6 problems: meta/esc50.csv line 3: missing audio file audio/1-1011-A-1.wav; " +
            "meta/esc50.csv line 8: missing audio file audio/3-1030-A-0.wav; " +
            "meta/esc50.csv line 13: missing audio file audio/4-1042-A-2.wav; " +
            "meta/esc50.csv line 14: missing audio file audio/5-1050-A-0.wav; " +
            "meta/esc50.csv line 15: missing audio file audio/5-1051-A-1.wav; ... and 1 more",
            error.Message);
    }

    [Fact]
    public void DuplicateFileNameIsAProblem()
    {
        Write([.. Rows(), "1-1010-A-0.wav,3,0,dog,False,1010,A"]);

        AssertProblems(() => Load(), MetaPath,
            "meta/esc50.csv line 17: duplicate 1-1010-A-0.wav, already listed at meta/esc50.csv line 2");
    }

    [Fact]
    public void ClassOnlyInTheTestFoldIsEmpty()
    {
        Write([.. Rows(), "2-7-A-3.wav,2,3,frog,False,7,A"]);

        AssertProblems(() => Load(fold: 2), MetaPath, "class 'frog' has no training example (validation/test: 1)");

        var splits = Load(fold: 2, new AudioDatasetOptions { SkipBad = true });
        Assert.Equal(["dog", "rooster", "cat"], splits.ClassNames);
        Assert.DoesNotContain(splits.Test, e => e.Label == "frog");
        Assert.Equal(["class 'frog' has no training example (validation/test: 1)"], splits.Skipped);
    }
}
