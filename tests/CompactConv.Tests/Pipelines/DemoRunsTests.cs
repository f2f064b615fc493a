using CompactConv.Pipelines;
using CompactConv.Tests.Training;
using CompactConv.Training;

namespace CompactConv.Tests.Pipelines;

/// <summary>A demo resumes exactly the run folders that --resume would resume, and refuses the others naming why.</summary>
public class DemoRunsTests
{
    private static RunConfig Saved => SyntheticImages.Config(2) with { DataDir = "/data/squares", DataSource = "squares: 32 images" };

    // A run folder as a trainer leaves it: config.json beside a checkpoint (whose content the decision does not read).
    private static void WriteRun(string folder, RunConfig config)
    {
        RunFolder.WriteConfig(config, folder);
        var store = new CheckpointStore(folder);
        Directory.CreateDirectory(store.Folder);
        File.WriteAllText(store.StatePath, "{}");
    }

    [Fact]
    public void NoCheckpoint_Starts()
    {
        using var folder = new TempFolder();
        Assert.False(DemoRuns.ResumeOrStart(folder.Path, Saved));
    }

    [Fact]
    public void TheSameSettings_Resume()
    {
        using var folder = new TempFolder();
        WriteRun(folder.Path, Saved);
        Assert.True(DemoRuns.ResumeOrStart(folder.Path, Saved));
    }

    [Fact]
    public void MoreEpochsOrAnotherDataDescription_Resume_AsResumeDoes()
    {
        // The demo's own check used to refuse these (it compared the training options whole and the data's
        // description), although --resume trains on for more epochs and does not compare descriptions.
        using var folder = new TempFolder();
        WriteRun(folder.Path, Saved);
        var more = Saved with { Training = Saved.Training with { Epochs = 4 }, DataSource = "squares: 32 images (1 note)" };
        Assert.True(DemoRuns.ResumeOrStart(folder.Path, more));
    }

    [Fact]
    public void AnotherDataFolderOrGrouping_IsRefused_NamingIt_AsResumeRefusesIt()
    {
        // The demo's own check used to accept these (it compared neither the data folder nor the conv options
        // beyond the conv label), and the resume that followed then refused them with a message about --resume.
        using var folder = new TempFolder();
        WriteRun(folder.Path, Saved);
        var other = Saved with
        {
            DataDir = "/data/circles",
            Model = Saved.Model with { ConvOptions = Saved.Model.ConvOptions with { Grouping = CompactConv.Layers.ChannelGrouping.Interleaved } },
        };

        var e = Assert.Throws<DataException>(() => DemoRuns.ResumeOrStart(folder.Path, other));

        const string Why = "was trained with data_dir=/data/squares, grouping=adjacent; these options ask for data_dir=/data/circles, grouping=interleaved";
        Assert.Contains($"holds a run with other settings: it {Why}", e.Message);
        Assert.Contains(Why, Assert.Throws<ArgumentException>(() => ResumeCheck.Compare(Saved, other, folder.Path)).Message);
    }
}
