namespace CompactConv.Cli;

/// <summary>The process exit codes other tools rely on.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad data or a runtime failure.</summary>
    public const int Failure = 1;

    /// <summary>Bad command-line usage.</summary>
    public const int Usage = 2;
}
