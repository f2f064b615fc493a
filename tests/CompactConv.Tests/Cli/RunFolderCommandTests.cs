using System.Diagnostics;
using System.Text.Json;
using CompactConv.Tests.Data;
using CompactConv.Tests.Training;
using CompactConv.Training;

namespace CompactConv.Tests.Cli;

public class RunFolderCommandTests
{
    private static string[] Train(string data, string run, int epochs = 1, bool resume = false) => TrainOn("mnist", data, run, epochs, resume);

    private static string[] TrainOn(string dataset, string data, string run, int epochs, bool resume) =>
        ["train", "--dataset", dataset, "--data", data, "--model", "smallcnn", "--conv", "compact", "--width", "0.25", "--epochs", $"{epochs}", "--batch", "16",
            "--out", run, .. resume ? new[] { "--resume" } : []];

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(folder, e)).Order().ToArray();

    [Fact]
    public void AFolderBeingWrittenByAnotherProcessIsRefusedToTrainAndEvalAndNotedByPredict()
    {
        using var folder = new TempFolder();
        string data = folder.Folder("data");
        FakeMnist.Write(data, 40, 20);
        string run = folder.File("run");
        Assert.Equal(0, CliHarness.Run(Train(data, run)).ExitCode);
        string images = Path.Combine(data, CompactConv.Data.MnistFiles.TestImages + ".gz");

        // A real second process, holding the folder's lock as a 'compactconv train' would.
        using var other = Process.Start("sleep", "60");
        var holder = new RunLockHolder(Environment.MachineName, other.Id, DateTimeOffset.UtcNow, "train");
        LockFiles.Write(run, holder);
        var before = Entries(run).Select(e => (e, File.Exists(Path.Combine(run, e)) ? File.ReadAllText(Path.Combine(run, e)) : "")).ToArray();
        string refusal = $"error: {run}: is being written by 'compactconv train' ({holder.Describe()}); wait until it ends";

        var train = CliHarness.Run(Train(data, run, 2, resume: true));
        var eval = CliHarness.Run("eval", "--checkpoint", run);
        var predict = CliHarness.Run("predict", "--checkpoint", run, images);

        Assert.Equal(1, train.ExitCode);
        Assert.Equal([refusal], train.ErrorLines);
        Assert.Equal(1, eval.ExitCode);
        Assert.Equal([refusal], eval.ErrorLines);
        Assert.Equal(0, predict.ExitCode);
        Assert.Equal([$"warning: {run} is being written by 'compactconv train' ({holder.Describe()}); this reads the checkpoint saved so far"], predict.ErrorLines);
        Assert.Equal(before, Entries(run).Select(e => (e, File.Exists(Path.Combine(run, e)) ? File.ReadAllText(Path.Combine(run, e)) : "")).ToArray());

        // Once that process is gone, its lock is stale: the next writer takes it over and says so.
        other.Kill();
        other.WaitForExit();
        var resumed = CliHarness.Run(Train(data, run, 2, resume: true));

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains($"{run}: took over the lock of {holder.Describe()}, which is no longer running", resumed.Out.Split('\n'));
        Assert.Null(LockFiles.Read(run)); // released at the end
        Assert.Equal(2, new CheckpointStore(run).ReadState().Epoch);
    }

    [Fact]
    public void TrainingIntoAFolderThatHoldsNoRunIsRefusedAndLeavesItAsItWas()
    {
        using var folder = new TempFolder();
        string data = folder.Folder("data");
        FakeMnist.Write(data, 40, 20);
        string mine = folder.Folder("mine");
        File.WriteAllText(Path.Combine(mine, "config.json"), "{\"theme\": \"dark\"}");
        File.WriteAllText(Path.Combine(mine, "log.csv"), "day,kind\n");

        var train = CliHarness.Run(Train(data, mine));

        Assert.Equal(1, train.ExitCode);
        Assert.Equal([$"error: {mine}: is not empty and holds no run (neither checkpoint/state.json nor a run's config.json); give a new or empty folder"], train.ErrorLines);
        Assert.Equal(["config.json", "log.csv"], Entries(mine));
        Assert.Equal("day,kind\n", File.ReadAllText(Path.Combine(mine, "log.csv")));
    }

    [Fact]
    public void DataPathsAreStoredAbsoluteAndAResumeOnOtherDataIsRefusedBeforeLoadingIt()
    {
        using var folder = new TempFolder();
        string data = folder.Folder("data");
        FakeMnist.Write(data, 40, 20);
        string run = folder.File("run");

        // A relative --data, with a trailing separator: config.json holds the absolute folder.
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, data) + Path.DirectorySeparatorChar;
        var train = CliHarness.Run(Train(relative, run));
        Assert.True(train.ExitCode == 0, train.Error);
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;
        Assert.Equal(data, config.GetProperty("data_dir").GetString());
        string before = File.ReadAllText(Path.Combine(run, "config.json"));

        // The same folder spelled absolute resumes; another one (not even there) or another dataset is refused
        // naming the field, as a usage error, before any data is read.
        var same = CliHarness.Run(Train(data, run, 2, resume: true));
        Assert.True(same.ExitCode == 0, same.Error);
        string elsewhere = folder.File("elsewhere");
        var otherData = CliHarness.Run(Train(elsewhere, run, 3, resume: true));
        var otherDataset = CliHarness.Run(TrainOn("fashion-mnist", data, run, 3, resume: true));

        const string allowed = "(a resumed run may only train more --epochs or change --max-minutes, --prefetch or --cache)";
        Assert.Equal(2, otherData.ExitCode);
        Assert.Equal([$"error: --resume: the run in {run} was trained with data_dir={data}; these options ask for data_dir={elsewhere} {allowed}"], otherData.ErrorLines);
        Assert.Equal(2, otherDataset.ExitCode);
        Assert.Equal([$"error: --resume: the run in {run} was trained with dataset=mnist; these options ask for dataset=fashion-mnist {allowed}"], otherDataset.ErrorLines);
        Assert.Equal(2, new CheckpointStore(run).ReadState().Epoch);
        Assert.NotEqual(before, File.ReadAllText(Path.Combine(run, "config.json"))); // the accepted resume recorded its epochs
        Assert.Contains("\"field\": \"epochs\"", File.ReadAllText(Path.Combine(run, "config.json")));
    }
}
