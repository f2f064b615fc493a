namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// One row of the bad-input suite: the command line, built in a fresh workspace (which writes the
/// broken fixture), the exit code it must end with, and what its one-line message must contain (the
/// file or option at fault, and a word of the cause).
/// </summary>
/// <param name="Name">Shown as the test case.</param>
/// <param name="ExitCode">1 for bad data or files, 2 for bad usage.</param>
/// <param name="Args">The command line.</param>
/// <param name="Named">Texts the error line must contain.</param>
/// <param name="Unnamed">Texts it must not contain (a cascade of follow-on problems, a raw .NET message).</param>
public sealed record BadInputCase(
    string Name,
    int ExitCode,
    Func<BadInputWorkspace, string[]> Args,
    Func<BadInputWorkspace, string[]> Named,
    string[]? Unnamed = null)
{
    /// <summary>A usage error (exit 2).</summary>
    public static BadInputCase Usage(string name, Func<BadInputWorkspace, string[]> args, params string[] named) =>
        new(name, 2, args, _ => named);

    /// <summary>A usage error (exit 2) whose message names paths of the workspace.</summary>
    public static BadInputCase Usage(string name, Func<BadInputWorkspace, string[]> args, Func<BadInputWorkspace, string[]> named) =>
        new(name, 2, args, named);

    /// <summary>A data error (exit 1) whose message names paths of the workspace.</summary>
    public static BadInputCase Data(string name, Func<BadInputWorkspace, string[]> args, Func<BadInputWorkspace, string[]> named, params string[] unnamed) =>
        new(name, 1, args, named, unnamed);

    public override string ToString() => Name;
}
