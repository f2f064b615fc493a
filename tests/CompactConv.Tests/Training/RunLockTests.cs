using System.Diagnostics;
using System.Text.Json;
using CompactConv.Training;

namespace CompactConv.Tests.Training;

public class RunLockTests
{
    [Fact]
    public void TheLockFileSaysWhoWritesTheFolder()
    {
        using var folder = new TempFolder();
        string run = Path.Combine(folder.Path, "run");
        var before = DateTimeOffset.UtcNow;

        using var held = RunLock.Acquire(run, "train");

        var json = JsonDocument.Parse(LockFiles.Read(run)!).RootElement;
        Assert.Equal(Environment.MachineName, json.GetProperty("host").GetString());
        Assert.Equal(Environment.ProcessId, json.GetProperty("pid").GetInt32());
        Assert.Equal("train", json.GetProperty("command").GetString());
        Assert.InRange(json.GetProperty("started").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
        Assert.Null(held.TookOverFrom);
    }

    [Fact]
    public void ASecondWriterIsRefusedNamingTheFolderAndTheHolder()
    {
        using var folder = new TempFolder();
        using var first = RunLock.Acquire(folder.Path, "train");

        var e = Assert.Throws<DataException>(() => RunLock.Acquire(folder.Path, "eval"));

        Assert.Equal($"{folder.Path}: is being written by 'compactconv train' ({first.Holder.Describe()}); wait until it ends", e.Message);
        Assert.Matches($@"^process {Environment.ProcessId} on {Environment.MachineName}, started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ$", first.Holder.Describe());
        Assert.True(RunLock.IsHeld(folder.Path));
        Assert.Equal(e.Message, Assert.Throws<DataException>(() => RunLock.ThrowIfHeld(folder.Path)).Message);
    }

    [Fact]
    public void ReleasingDeletesTheLockFileAndFreesTheFolder()
    {
        using var folder = new TempFolder();
        RunLock.Acquire(folder.Path, "train").Dispose();

        Assert.Null(LockFiles.Read(folder.Path));
        Assert.False(RunLock.IsHeld(folder.Path));
        RunLock.ThrowIfHeld(folder.Path);
        using var again = RunLock.Acquire(folder.Path, "train");
    }

    [Fact]
    public void AStaleLockOfThisHostIsTakenOverAndSaysWhose()
    {
        using var folder = new TempFolder();
        var gone = LockFiles.Gone();
        LockFiles.Write(folder.Path, gone);
        Assert.False(RunLock.IsHeld(folder.Path));

        using var held = RunLock.Acquire(folder.Path, "train");

        Assert.Equal(gone, held.TookOverFrom);
        Assert.Equal($"took over the lock of process {LockFiles.GonePid} on {Environment.MachineName}, started 2026-01-20 16:05:00Z, which is no longer running",
            held.TakeOverNote);
        Assert.Equal(held.Holder.ToJson(), LockFiles.Read(folder.Path));
        Assert.False(File.Exists(Path.Combine(folder.Path, RunLock.TakeOverFileName)));
    }

    [Fact]
    public void ALockWhosePidWasReusedByALaterProcessIsStale()
    {
        using var folder = new TempFolder();
        // This process's pid, but taken an hour before this process started: the process that took it is gone.
        var started = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).AddHours(-1);
        LockFiles.Write(folder.Path, new RunLockHolder(Environment.MachineName, Environment.ProcessId, started, "train"));

        using var held = RunLock.Acquire(folder.Path, "train");

        Assert.Equal(Environment.ProcessId, held.TookOverFrom!.Pid);
    }

    [Fact]
    public void ALockFromAnotherHostIsNeverTakenOver()
    {
        using var folder = new TempFolder();
        string text = LockFiles.Write(folder.Path, new RunLockHolder("elsewhere", 1, new DateTimeOffset(2026, 1, 20, 16, 5, 0, TimeSpan.Zero), "train"));

        var e = Assert.Throws<DataException>(() => RunLock.Acquire(folder.Path, "train"));

        Assert.Equal($"{folder.Path}: is locked by 'compactconv train' (process 1 on elsewhere, started 2026-01-20 16:05:00Z), and this host "
            + $"({Environment.MachineName}) cannot tell whether that process still runs; if it does not, delete {Path.Combine(folder.Path, RunLock.FileName)}", e.Message);
        Assert.Equal(text, LockFiles.Read(folder.Path));
        Assert.True(RunLock.IsHeld(folder.Path));
    }

    [Fact]
    public void ALockFileThatCannotBeReadIsNeitherTakenOverNorReplaced()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, RunLock.FileName);
        File.WriteAllText(path, "not a lock");

        var e = Assert.Throws<DataException>(() => RunLock.Acquire(folder.Path, "train"));

        Assert.Equal($"{path}: the lock file of this folder cannot be read (another writer may be starting); if no process writes the folder, delete it", e.Message);
        Assert.Equal("not a lock", File.ReadAllText(path));
        Assert.True(RunLock.IsHeld(folder.Path));
    }

    [Fact]
    public void AStaleLockBeingTakenOverByAnotherProcessIsLeftToIt()
    {
        using var folder = new TempFolder();
        string text = LockFiles.Write(folder.Path, LockFiles.Gone());
        string claim = Path.Combine(folder.Path, RunLock.TakeOverFileName);
        File.WriteAllText(claim, "");

        var e = Assert.Throws<DataException>(() => RunLock.Acquire(folder.Path, "train"));

        Assert.Equal($"{folder.Path}: another process is taking over the stale lock of this folder; if none is, delete {claim}", e.Message);
        Assert.Equal(text, LockFiles.Read(folder.Path));
    }

    [Fact]
    public void ReleasingLeavesALockThatIsNoLongerThisProcesssAlone()
    {
        using var folder = new TempFolder();
        var held = RunLock.Acquire(folder.Path, "train");
        // Someone deleted the lock by hand and another writer took the folder.
        string other = LockFiles.Write(folder.Path, LockFiles.Live("eval"));

        held.Dispose();

        Assert.Equal(other, LockFiles.Read(folder.Path));
    }
}
