using CompactConv.Training;

namespace CompactConv.Cli;

/// <summary>
/// What the commands that only read a run's checkpoint (<c>predict</c>, <c>detect</c>) say of a run folder
/// that another process is writing: they may read it, since every file there is replaced atomically, but
/// the model they read is the one saved so far, not the run's final one.
/// </summary>
public static class RunFolderWarning
{
    /// <summary>Writes one warning line to stderr when <paramref name="runFolder"/> is being written.</summary>
    public static void IfBeingWritten(string runFolder)
    {
        if (RunLock.HolderOf(runFolder) is not { } writer) return;
        Console.Error.WriteLine(
            $"warning: {runFolder} is being written by 'compactconv {writer.Command}' ({writer.Describe()}); this reads the checkpoint saved so far");
    }
}
