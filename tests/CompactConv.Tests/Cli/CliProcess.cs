using System.Diagnostics;
using CompactConv.Cli.Rendering;

namespace CompactConv.Tests.Cli;

/// <summary>
/// The compactconv command line as a real process (the apphost built next to the tests), for what only a
/// process shows: signals, exit codes set by them, a second process's lock. Progress is printed after
/// every step, so a test can act at a known point of training.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly System.Text.StringBuilder error = new();

    private CliProcess(string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "CompactConv.Cli"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[ProgressRenderer.IntervalVariable] = "0";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines)
            {
                lines.Add(e.Data);
                Monitor.PulseAll(lines);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error) error.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>compactconv ARGS</c>.</summary>
    public static CliProcess Start(params string[] args) => new(args);

    /// <summary>Runs <c>compactconv ARGS</c> to its end.</summary>
    public static CliHarness.Result Run(params string[] args)
    {
        using var cli = Start(args);
        return cli.WaitForExit();
    }

    /// <summary>The process id, for signals.</summary>
    public int Id => process.Id;

    /// <summary>Waits until stdout has a line matching <paramref name="match"/> and returns it.</summary>
    public string WaitForLine(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        bool exited = false;
        lock (lines)
        {
            while (true)
            {
                if (lines.FirstOrDefault(match) is { } line) return line;
                if (exited || DateTime.UtcNow >= deadline)
                    throw new TimeoutException($"no such line; output so far:\n{string.Join('\n', lines)}\n{Error}");
                exited = process.HasExited; // then one more look, at the output read after the end
                Monitor.Wait(lines, TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>TERM</c>, <c>INT</c>) with kill(1), as a scheduler or a shell would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the end of the process and returns its exit code and output.</summary>
    public CliHarness.Result WaitForExit()
    {
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new TimeoutException($"compactconv did not end within {Timeout}");
        }
        process.WaitForExit(); // the output readers finish
        lock (lines) return new CliHarness.Result(process.ExitCode, string.Join('\n', lines) + "\n", Error);
    }

    private string Error
    {
        get
        {
            lock (error) return error.ToString();
        }
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
