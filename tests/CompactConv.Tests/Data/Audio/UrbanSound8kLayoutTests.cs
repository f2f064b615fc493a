using CompactConv.Data.Audio;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Audio;

public sealed class UrbanSound8kLayoutTests : IDisposable
{
    private const string Header = "slice_file_name,fsID,start,end,salience,fold,classID,class";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.Path;

    private string MetaPath => Path.Combine(Root, "metadata", "UrbanSound8K.csv");

    private static readonly (int Id, string Name)[] Classes = [(0, "air_conditioner"), (3, "dog_bark"), (1, "car_horn")];

    // One slice per class in each of the ten folds, each from its own freesound recording.
    private static List<string> Rows() =>
        (from fold in Enumerable.Range(1, 10)
         from c in Classes
         let fsId = 5000 + fold * 10 + c.Id
         select $"{fsId}-{c.Id}-0-0.wav,{fsId},0.0,4.0,1,{fold},{c.Id},{c.Name}").ToList();

    private void Write(IEnumerable<string>? rows = null)
    {
        var all = (rows ?? Rows()).ToList();
        WriteLines(Root, "metadata/UrbanSound8K.csv", [Header, .. all]);
        foreach (string row in all)
        {
            string[] fields = row.Split(',');
            if (fields.Length == 8)
                WriteAudio(Root, $"audio/fold{fields[5]}/{fields[0]}");
        }
    }

    private AudioSplits Load(int? fold = 3, AudioDatasetOptions? options = null) =>
        AudioDatasets.Load("urbansound8k", Root, fold, options);

    [Fact]
    public void TheChosenFoldIsTheTestSplitAndClassesFollowClassId()
    {
        Write();

        var splits = Load(fold: 3);

        Assert.Equal(["air_conditioner", "car_horn", "dog_bark"], splits.ClassNames);
        Assert.Equal(27, splits.Train.Count);
        Assert.Equal(["5030-0-0-0.wav", "5033-3-0-0.wav", "5031-1-0-0.wav"], FileNames(splits.Test));
        Assert.Equal(Path.Combine(Root, "audio", "fold3", "5030-0-0-0.wav"), splits.Test[0].Path);
        Assert.Equal(["5030", "5033", "5031"], splits.Test.Select(e => e.Source));
        Assert.All(splits.Test, e => Assert.Equal(3, e.Fold));
        Assert.Equal(Enumerable.Range(1, 10).Where(f => f != 3), splits.Train.Select(e => e.Fold!.Value).Distinct().Order());
        Assert.Contains("UrbanSound8K, test fold 3", splits.Source);
    }

    [Fact]
    public void FoldIsRequiredAndInRange()
    {
        Write();

        Assert.Equal("AudioDataRequest.Fold is required for urbansound8k (1-10)", Assert.Throws<ArgumentException>(() => Load(fold: null)).Message);
        Assert.Equal("AudioDataRequest.Fold must be 1-10 for urbansound8k, got 11", Assert.Throws<ArgumentException>(() => Load(fold: 11)).Message);
        Assert.Equal(30, Load(fold: 10).Train.Count + Load(fold: 10).Test.Count);
    }

    [Fact]
    public void SliceInTheWrongFoldFolderIsMissing()
    {
        Write();
        File.Move(Path.Combine(Root, "audio/fold2/5020-0-0-0.wav"), Path.Combine(Root, "audio/fold1/5020-0-0-0.wav"));

        AssertProblems(() => Load(), MetaPath, "metadata/UrbanSound8K.csv line 5: missing audio file audio/fold2/5020-0-0-0.wav");
    }

    [Fact]
    public void SameSliceInTwoFoldsIsADuplicate()
    {
        Write([.. Rows(), "5010-0-0-0.wav,5010,0.0,4.0,1,4,0,air_conditioner"]);

        AssertProblems(() => Load(), MetaPath,
            "metadata/UrbanSound8K.csv line 32: duplicate 5010-0-0-0.wav, already listed at metadata/UrbanSound8K.csv line 2");
    }

    [Fact]
    public void NonIntegerFoldAndMissingColumnsAreReported()
    {
        Write([.. Rows(), "x.wav,1,0.0,4.0,1,3.5,0,air_conditioner", "y.wav,1,0.0,4.0,1,2,0"]);

        AssertProblems(() => Load(), MetaPath,
            "metadata/UrbanSound8K.csv line 32: fold '3.5' is not an integer",
            "metadata/UrbanSound8K.csv line 33: expected 8 ','-separated columns, found 7");
    }

    [Fact]
    public void MissingHeaderColumnIsNamed()
    {
        WriteLines(Root, "metadata/UrbanSound8K.csv", "slice_file_name,fsID,start,end,salience,fold,class", "a.wav,1,0,1,1,1,dog_bark");

        AssertProblems(() => Load(), MetaPath,
            "metadata/UrbanSound8K.csv line 1: header lacks column 'classID' " +
            "(found 'slice_file_name', 'fsID', 'start', 'end', 'salience', 'fold', 'class'; is the file ','-separated?)");
    }

    [Fact]
    public void RecordingInTrainAndTestIsAWarning()
    {
        var rows = Rows();
        rows.Add("5010-0-1-0.wav,5010,4.0,8.0,1,3,0,air_conditioner");
        Write(rows);

        var splits = Load(fold: 3);

        Assert.Equal(["source '5010' has clips in both training (1) and test (1)"], splits.Warnings);
    }
}
