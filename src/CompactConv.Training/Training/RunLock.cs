using System.Text;
using CompactConv.IO;

namespace CompactConv.Training;

/// <summary>
/// One writer per run folder: the lock file <c>FOLDER/.lock</c>, created exclusively (which works on
/// shared file systems where advisory locks do not) and holding who writes (<see cref="RunLockHolder"/>).
/// Disposing releases it (deletes the file, and the folder too when the lock created it and nothing was
/// written there, so that a refused or failed command leaves nothing behind). A lock whose process is gone on this host is taken over
/// (<see cref="TookOverFrom"/>); one from another host never is, since this host cannot tell whether
/// its process still runs.
/// </summary>
/// <remarks>
/// Take-over is the one step where two processes could race: both find the same stale lock, one
/// deletes it and creates its own, the other would then delete that new one. So only the process that
/// exclusively creates <c>.lock.takeover</c> may delete a stale lock, and only if the lock still holds
/// the stale content it judged.
/// </remarks>
public sealed class RunLock : IDisposable
{
    /// <summary>Name of the lock file inside the folder.</summary>
    public const string FileName = ".lock";

    /// <summary>Name of the file that the one process taking over a stale lock holds while it does.</summary>
    public const string TakeOverFileName = ".lock.takeover";

    private readonly string path;
    private readonly string content;
    private readonly bool createdFolder;
    private bool released;

    private RunLock(string folder, bool createdFolder, RunLockHolder holder, string content, RunLockHolder? tookOverFrom)
    {
        Folder = folder;
        this.createdFolder = createdFolder;
        Holder = holder;
        TookOverFrom = tookOverFrom;
        path = Path.Combine(folder, FileName);
        this.content = content;
    }

    /// <summary>The locked folder.</summary>
    public string Folder { get; }

    /// <summary>This process, as the lock file records it.</summary>
    public RunLockHolder Holder { get; }

    /// <summary>The holder of the stale lock this one replaced; null when the folder was free.</summary>
    public RunLockHolder? TookOverFrom { get; }

    /// <summary>
    /// The line that says a stale lock was taken over, e.g. "took over the lock of process 42 on host,
    /// started 2026-01-20 16:05:00Z, which is no longer running"; null when none was.
    /// </summary>
    public string? TakeOverNote => TookOverFrom is { } stale
        ? $"took over the lock of {stale.Describe()}, which is no longer running"
        : null;

    /// <summary>
    /// Takes the lock of <paramref name="folder"/> (created if missing) for <paramref name="command"/>.
    /// </summary>
    /// <exception cref="DataException">
    /// Another process holds it: one running on this host, one on another host, or one whose lock file
    /// cannot be read; the message names the folder and the holder, and how to remove a stale lock.
    /// Or the folder cannot be created (a file of that name, or a file in its path).
    /// </exception>
    public static RunLock Acquire(string folder, string command)
    {
        bool created = Create(folder);
        var me = RunLockHolder.ThisProcess(command);
        string text = me.ToJson();
        string lockPath = Path.Combine(folder, FileName);
        RunLockHolder? tookOver = null;
        // Each round either takes the lock, refuses, or removes a lock that has just gone stale; a few
        // rounds are enough unless other processes keep taking and dropping it.
        for (int round = 0; round < 4; round++)
        {
            if (TryCreate(lockPath, text)) return new RunLock(folder, created, me, text, tookOver);
            string? held = ReadSettled(lockPath);
            if (held is null) continue;
            if (Refusal(folder, held) is { } refusal)
            {
                RemoveIfCreated(folder, created);
                throw refusal;
            }
            RemoveStale(folder, lockPath, held);
            tookOver = RunLockHolder.Parse(held);
        }
        throw new DataException(lockPath, "the lock kept changing hands while this process tried to take it; try again");
    }

    /// <summary>True while another writer holds the lock of <paramref name="folder"/>: a lock that is not stale (see <see cref="ThrowIfHeld"/>).</summary>
    public static bool IsHeld(string folder) => HeldBy(folder) is not null;

    /// <summary>
    /// Who holds the lock of <paramref name="folder"/>, when a process that is not stale does (running on this
    /// host, or on another host, which cannot be checked); null when the folder is free or its lock is stale
    /// or unreadable. For commands that only read a run folder and say that it is being written.
    /// </summary>
    public static RunLockHolder? HolderOf(string folder) =>
        ReadSettled(Path.Combine(folder, FileName)) is { } held && RunLockHolder.Parse(held) is { } holder
            && !IsStale(holder)
            ? holder
            : null;

    /// <summary>
    /// Refuses a folder whose lock another writer holds, as <see cref="Acquire"/> would, without taking it:
    /// for commands that only read a run folder and must not read one being written.
    /// </summary>
    /// <exception cref="DataException">The lock is held; the message names the folder and the holder.</exception>
    public static void ThrowIfHeld(string folder)
    {
        if (HeldBy(folder) is { } refusal) throw refusal;
    }

    private static DataException? HeldBy(string folder) =>
        ReadSettled(Path.Combine(folder, FileName)) is { } held ? Refusal(folder, held) : null;

    /// <summary>
    /// Releases the lock: deletes the file, unless it is no longer this process's, and the folder when
    /// <see cref="Acquire"/> created it and it is still empty.
    /// </summary>
    public void Dispose()
    {
        if (released) return;
        released = true;
        if (ReadText(path) == content) File.Delete(path);
        RemoveIfCreated(Folder, createdFolder);
    }

    // True when the folder did not exist. IOException covers a file of that name or a file in its path,
    // which .NET reports with a message naming neither the option nor what to do.
    private static bool Create(string folder)
    {
        if (Directory.Exists(folder)) return false;
        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string why = BlockingFile.Of(folder) is { } file
                ? file == Path.GetFullPath(folder) ? "is a file, not a folder" : $"{file} is a file, not a folder"
                : $"cannot be created ({e.Message})";
            throw new DataException(folder, $"{why}; give a folder for the run", e);
        }
    }

    // A command refused or failed before writing anything leaves no empty folder of its own behind.
    private static void RemoveIfCreated(string folder, bool created)
    {
        if (!created || !Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any()) return;
        try
        {
            Directory.Delete(folder);
        }
        catch (IOException)
        {
            // Another process started writing it in between: then it is that process's folder.
        }
    }

    // Why a lock file with content held stops this process from writing the folder; null when its
    // holder is gone from this host, so that the lock may be taken over.
    private static DataException? Refusal(string folder, string held)
    {
        string lockPath = Path.Combine(folder, FileName);
        var holder = RunLockHolder.Parse(held);
        if (holder is null)
            return new DataException(lockPath, "the lock file of this folder cannot be read (another writer may be starting); if no process writes the folder, delete it");
        if (IsStale(holder)) return null;
        if (holder.IsOnThisHost)
            return new DataException(folder, $"is being written by 'compactconv {holder.Command}' ({holder.Describe()}); wait until it ends");
        return new DataException(folder,
            $"is locked by 'compactconv {holder.Command}' ({holder.Describe()}), and this host ({Environment.MachineName}) cannot tell whether that process still runs; if it does not, delete {lockPath}");
    }

    // Only a holder known to be gone may be taken over: one on this host whose process no longer runs.
    private static bool IsStale(RunLockHolder holder) => holder.IsOnThisHost && !holder.IsRunningHere();

    private static bool TryCreate(string lockPath, string text)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            return false;
        }
        try
        {
            using (stream)
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            return true;
        }
        catch
        {
            // A half-written lock file would refuse every later writer: never leave one.
            File.Delete(lockPath);
            throw;
        }
    }

    private static void RemoveStale(string folder, string lockPath, string staleContent)
    {
        string claimPath = Path.Combine(folder, TakeOverFileName);
        FileStream claim;
        try
        {
            claim = new FileStream(claimPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(claimPath))
        {
            throw new DataException(folder, $"another process is taking over the stale lock of this folder; if none is, delete {claimPath}");
        }
        using (claim)
        {
            if (ReadText(lockPath) == staleContent) File.Delete(lockPath);
        }
    }

    // A lock file is written right after it is created: an empty one is usually a writer between the
    // two, so it is read again a few times before being called unreadable.
    private static string? ReadSettled(string lockPath)
    {
        for (int attempt = 0; ; attempt++)
        {
            string? text = ReadText(lockPath);
            if (text is null || text.Length > 0 || attempt == 5) return text;
            Thread.Sleep(20);
        }
    }

    private static string? ReadText(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException) when (!File.Exists(file))
        {
            return null; // no lock file, or no folder (missing, or a file in its path): nobody holds it
        }
    }
}
