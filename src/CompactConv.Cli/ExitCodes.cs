namespace CompactConv.Cli;

/// <summary>The process exit codes other tools rely on.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad data or a runtime failure (a folder another process writes included).</summary>
    public const int Failure = 1;

    /// <summary>Bad command-line usage (options a resumed run may not change included).</summary>
    public const int Usage = 2;

    /// <summary>
    /// Training stopped by SIGINT or SIGTERM with a checkpoint, to be continued by running the command
    /// again (EX_TEMPFAIL of sysexits.h: a temporary failure, try again later).
    /// </summary>
    public const int Stopped = 75;

    /// <summary>A second SIGINT ended the process at once (128 + 2, the shell's code for a process killed by SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>A second SIGTERM ended the process at once (128 + 15).</summary>
    public const int Terminated = 143;
}
