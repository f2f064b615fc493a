using System.Diagnostics;
using System.Text;

namespace CompactConv.Tests.Packaging;

/// <summary>
/// The dotnet command as a child process, the way a user runs it: without the MSBuild variables the
/// test host inherits from <c>dotnet test</c>, and without build servers that would outlive the test.
/// </summary>
public static class DotnetCli
{
    /// <summary>What one dotnet command printed (stdout and stderr in order of arrival) and how it ended.</summary>
    public sealed record Result(int ExitCode, string Output);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet ARGS</c> in <paramref name="workingDirectory"/>; fails the test on a non-zero exit unless <paramref name="allowFailure"/>.</summary>
    public static Result Run(string workingDirectory, IEnumerable<string> args, bool allowFailure = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', start.ArgumentList)} ran past {Limit.TotalMinutes} min:\n{output}");
        }
        process.WaitForExit();
        var result = new Result(process.ExitCode, output.ToString());
        if (!allowFailure && result.ExitCode != 0)
            Assert.Fail($"dotnet {string.Join(' ', start.ArgumentList)} exited with {result.ExitCode}:\n{result.Output}");
        return result;
    }
}
