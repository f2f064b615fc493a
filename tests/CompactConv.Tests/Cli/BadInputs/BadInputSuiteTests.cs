namespace CompactConv.Tests.Cli.BadInputs;

/// <summary>
/// The error contract, case by case (docs/architecture.md, "Error contract"): a bad input ends with
/// exit code 1 (data, files) or 2 (usage), one line on stderr that names the file or option at
/// fault, no stack trace, and nothing written.
/// </summary>
public sealed class BadInputSuiteTests(TrainedRuns runs) : IClassFixture<TrainedRuns>
{
    public static TheoryData<string> Cases => new(BadInputCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRefusedOnOneLineNamingTheCauseAndWritesNothing(string name)
    {
        var badCase = BadInputCases.All[name];
        using var workspace = new BadInputWorkspace(runs);
        string[] args = badCase.Args(workspace);
        var before = (Workspace: FolderSnapshot.Take(workspace.Root, TrainedRuns.CacheFolder), Runs: FolderSnapshot.Take(runs.Root, TrainedRuns.CacheFolder));

        var result = CliHarness.Run(args);

        string line = Assert.Single(result.ErrorLines);
        Assert.True(result.ExitCode == badCase.ExitCode, $"exit code {result.ExitCode}, expected {badCase.ExitCode}: {line}");
        Assert.StartsWith("error: ", line);
        foreach (var named in badCase.Named(workspace)) Assert.Contains(named, line);
        foreach (var unnamed in badCase.Unnamed ?? []) Assert.DoesNotContain(unnamed, line);
        // Neither .NET's nor libtorch's stack: those are for --verbose.
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("frame #", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Empty(before.Workspace.ChangesTo(FolderSnapshot.Take(workspace.Root, TrainedRuns.CacheFolder)));
        Assert.Empty(before.Runs.ChangesTo(FolderSnapshot.Take(runs.Root, TrainedRuns.CacheFolder)));
    }

}
