using CompactConv.Data.Audio;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Audio;

public sealed class AudioDatasetsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NamesAreTheFiveLayouts()
    {
        Assert.Equal(["tau2019", "tau2020", "esc50", "urbansound8k", "folders"], AudioDatasets.Names);
    }

    [Fact]
    public void UnknownNameListsTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => AudioDatasets.Load("dcase2021", _temp.Path));

        Assert.Equal("unknown audio dataset 'dcase2021'; choose one of tau2019, tau2020, esc50, urbansound8k, folders", error.Message);
    }

    [Fact]
    public void NamesAreCaseInsensitive()
    {
        WriteAudio(_temp.Path, "a/1.wav", "b/2.wav");

        Assert.Equal(["a", "b"], AudioDatasets.Load("Folders", _temp.Path).ClassNames);
    }

    [Fact]
    public void MissingDataFolderIsADataError()
    {
        string missing = Path.Combine(_temp.Path, "nowhere");

        var error = Assert.Throws<DataException>(() => AudioDatasets.Load("esc50", missing, 1));

        Assert.Equal(missing, error.Path);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ValidationFractionOutsideTheRangeNamesTheOption(double fraction)
    {
        WriteAudio(_temp.Path, "a/1.wav");

        var error = Assert.Throws<ArgumentException>(() =>
            AudioDatasets.Load("folders", _temp.Path, null, new AudioDatasetOptions { ValidationFraction = fraction }));

        Assert.StartsWith("AudioDatasetOptions.ValidationFraction must be at least 0 and below 1", error.Message);
    }

    [Fact]
    public void MetadataWithoutRowsHasNothingToTrainOn()
    {
        WriteLines(_temp.Path, "meta/esc50.csv", "filename,fold,target,category,esc10,src_file,take");

        AssertProblems(() => AudioDatasets.Load("esc50", _temp.Path, 1, new AudioDatasetOptions { SkipBad = true }),
            Path.Combine(_temp.Path, "meta", "esc50.csv"), "no training examples");
    }

    [Fact]
    public void EmptyMetadataFileOrBlankHeaderIsReported()
    {
        string path = Path.Combine(_temp.Path, "meta", "esc50.csv");
        foreach (string content in new[] { "", "\n1-1-A-0.wav,1,0,dog,False,1,A\n" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);

            AssertProblems(() => AudioDatasets.Load("esc50", _temp.Path, 1), path,
                "meta/esc50.csv line 1: no header, expected a ','-separated header with filename, fold, target, category, src_file");
        }
    }

    [Fact]
    public void LineNumbersCountBlankLinesAndValuesAreTrimmed()
    {
        WriteAudio(_temp.Path, "audio/1-1-A-0.wav", "audio/2-2-A-0.wav");
        WriteLines(_temp.Path, "meta/esc50.csv",
            "filename,fold,target,category,esc10,src_file,take",
            "",
            "1-1-A-0.wav , 1 ,0, dog ,False,1,A",
            "",
            "2-2-A-0.wav,2,zero,dog,False,2,A",
            "\"3-3-A-0.wav,1,0,dog,False,3,A");

        var splits = AudioDatasets.Load("esc50", _temp.Path, 2, new AudioDatasetOptions { SkipBad = true });

        Assert.Equal(["dog"], splits.ClassNames);
        Assert.Equal("1-1-A-0.wav", Path.GetFileName(Assert.Single(splits.Train).Path));
        Assert.Equal(1, splits.Train[0].Fold);
        Assert.Equal("meta/esc50.csv line 5: target 'zero' is not an integer", splits.Skipped[0]);
        Assert.Equal(2, splits.Skipped.Count);
        Assert.Equal("meta/esc50.csv line 6: expected 7 ','-separated columns, found 1", splits.Skipped[1]);
    }

    [Fact]
    public void MetadataCannotPointOutsideTheDatasetFolder()
    {
        string root = Directory.CreateDirectory(Path.Combine(_temp.Path, "esc")).FullName;
        WriteAudio(_temp.Path, "outside.wav");
        WriteAudio(root, "audio/1-1-A-0.wav");
        WriteLines(root, "meta/esc50.csv",
            "filename,fold,target,category,esc10,src_file,take",
            "1-1-A-0.wav,1,0,dog,False,1,A",
            "../../outside.wav,1,0,dog,False,2,A");

        AssertProblems(() => AudioDatasets.Load("esc50", root, 2), Path.Combine(root, "meta", "esc50.csv"),
            "meta/esc50.csv line 3: audio/../../outside.wav is not a path inside the dataset folder");
    }
}
