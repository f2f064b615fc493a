using CompactConv.Training;

namespace CompactConv.Tests.Training;

/// <summary>Lock files as other processes would have left them in a run folder.</summary>
public static class LockFiles
{
    /// <summary>A pid no process has: above Linux's largest pid_max (2^22).</summary>
    public const int GonePid = 999_999_999;

    /// <summary>Writes <paramref name="holder"/>'s lock into <paramref name="folder"/> and returns the file's text.</summary>
    public static string Write(string folder, RunLockHolder holder)
    {
        Directory.CreateDirectory(folder);
        string text = holder.ToJson();
        File.WriteAllText(Path.Combine(folder, RunLock.FileName), text);
        return text;
    }

    /// <summary>A live holder: this (test) process, on this host, since now.</summary>
    public static RunLockHolder Live(string command = "train") => RunLockHolder.ThisProcess(command);

    /// <summary>A holder on this host whose process is gone.</summary>
    public static RunLockHolder Gone(string command = "train") =>
        new(Environment.MachineName, GonePid, new DateTimeOffset(2026, 1, 20, 16, 5, 0, TimeSpan.Zero), command);

    /// <summary>The text of the folder's lock file; null when there is none.</summary>
    public static string? Read(string folder)
    {
        string path = Path.Combine(folder, RunLock.FileName);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
