using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class RunFolderTests
{
    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(folder, e)).Order().ToArray();

    [Fact]
    public void AFolderHoldingSomethingElseIsRefusedAndLeftAsItWas()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("notes.txt"), "mine");
        File.WriteAllText(folder.File("config.json"), "{\"theme\": \"dark\"}");
        File.WriteAllText(folder.File(".notes.txt.12.tmp"), "an editor's");

        var e = Assert.Throws<DataException>(() => RunFolder.Lock(folder.Path, "train"));

        Assert.Equal($"{folder.Path}: is not empty and holds no run (neither checkpoint/state.json nor a run's config.json); give a new or empty folder", e.Message);
        Assert.Equal([".notes.txt.12.tmp", "config.json", "notes.txt"], Entries(folder.Path));
    }

    [Fact]
    public void TrainingIntoAFolderHoldingSomethingElseIsRefusedWithoutALock()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("notes.txt"), "mine");
        using var train = SyntheticImages.Make(16, seed: 1);

        Assert.Throws<DataException>(() => new Trainer(SyntheticImages.Config(1), folder.Path).Run(train, null, resume: false));

        Assert.Equal(["notes.txt"], Entries(folder.Path));
    }

    [Fact]
    public void AMissingOrAnEmptyFolderIsTakenAndFreedAgainAsItWas()
    {
        using var folder = new TempFolder();
        string missing = folder.File("missing"), empty = folder.Folder("empty");
        foreach (string run in new[] { missing, empty })
        {
            using (RunFolder.Lock(run, "train")) Assert.True(RunLock.IsHeld(run));
        }

        // The folder the lock created is removed with it, since nothing was written there; the other stays.
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Entries(empty));
    }

    [Fact]
    public void AFolderTheLockCreatedStaysOnceSomethingIsWrittenThere()
    {
        using var folder = new TempFolder();
        string run = folder.File("run");
        using (RunFolder.Lock(run, "train")) RunFolder.WriteConfig(SyntheticImages.Config(1), run);
        Assert.Equal(["config.json"], Entries(run));
    }

    [Fact]
    public void AFileWhereTheFolderShouldBeIsRefusedInOneLine()
    {
        using var folder = new TempFolder();
        string file = folder.File("file");
        File.WriteAllText(file, "mine");

        var asFolder = Assert.Throws<DataException>(() => RunFolder.Lock(file, "train"));
        var under = Assert.Throws<DataException>(() => RunFolder.Lock(Path.Combine(file, "run"), "train"));

        Assert.Equal($"{file}: is a file, not a folder; give a folder for the run", asFolder.Message);
        Assert.Equal($"{Path.Combine(file, "run")}: {file} is a file, not a folder; give a folder for the run", under.Message);
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void TakingARunRemovesWhatWritesKilledPartWayLeftAndSaysHowMany()
    {
        using var folder = new TempFolder();
        RunFolder.WriteConfig(SyntheticImages.Config(1), folder.Path);
        var checkpoint = folder.Folder("checkpoint");
        File.WriteAllText(Path.Combine(checkpoint, "epoch-0001.model"), "weights");
        // AtomicFile's temporary names: a kill -9 during a checkpoint write leaves one behind.
        File.WriteAllText(Path.Combine(checkpoint, ".epoch-0002.model.4242.tmp"), "half");
        File.WriteAllText(folder.File(".log.csv.4242.tmp"), "half");
        var notes = new List<string>();

        using (RunFolder.Lock(folder.Path, "train", notes.Add))
        {
            Assert.Equal([$"{folder.Path}: removed 2 temporary files left by an interrupted write"], notes);
        }

        Assert.Equal(["checkpoint", Path.Combine("checkpoint", "epoch-0001.model"), "config.json"], Entries(folder.Path));
    }

    [Fact]
    public void AFolderWithOnlyADeadWritersLockAndTemporaryFileIsARunThatNeverGotItsConfig()
    {
        using var folder = new TempFolder();
        LockFiles.Write(folder.Path, LockFiles.Gone());
        File.WriteAllText(folder.File(".config.json.4242.tmp"), "{");
        var notes = new List<string>();

        using (RunFolder.Lock(folder.Path, "train", notes.Add))
        {
            Assert.Equal(2, notes.Count);
            Assert.StartsWith($"{folder.Path}: took over the lock of process {LockFiles.GonePid} on ", notes[0]);
            Assert.Equal($"{folder.Path}: removed 1 temporary file left by an interrupted write", notes[1]);
        }
        Assert.Empty(Entries(folder.Path));
    }

    [Fact]
    public void ARefusedFolderKeepsTheLockOfNobody()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("notes.txt"), "mine");
        Assert.Throws<DataException>(() => RunFolder.Lock(folder.Path, "train"));
        Assert.False(RunLock.IsHeld(folder.Path));
        Assert.Null(LockFiles.Read(folder.Path));
    }
}
