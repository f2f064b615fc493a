using System.Runtime.InteropServices;
using CompactConv.Training;

namespace CompactConv.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM while a command trains. The first asks training to stop at the next step
/// boundary with a checkpoint (<see cref="Token"/>; the command then exits with
/// <see cref="ExitCodes.Stopped"/>); the second ends the process at once with 128 + the signal number
/// (<see cref="ExitCodes.Interrupted"/>, <see cref="ExitCodes.Terminated"/>), as the default action would.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly Action<int> exit;
    private readonly PosixSignalRegistration[] registrations;

    /// <summary>
    /// Handles signals through <see cref="Handle"/> without registering for them, ending the process
    /// with <paramref name="exit"/> on a second one: for tests, and hosts that register themselves.
    /// </summary>
    public StopSignals(Action<int> exit)
    {
        this.exit = exit;
        registrations = [];
    }

    private StopSignals(Action<int> exit, PosixSignal[] signals)
    {
        this.exit = exit;
        registrations = signals.Select(signal => PosixSignalRegistration.Create(signal, Handle)).ToArray();
    }

    /// <summary>Starts handling SIGINT and SIGTERM for this process until disposed.</summary>
    public static StopSignals Listen() => new(Environment.Exit, [PosixSignal.SIGINT, PosixSignal.SIGTERM]);

    /// <summary>Requested by the first signal; pass it to the trainers.</summary>
    public StopToken Token { get; } = new();

    /// <summary>Handles one delivered signal (SIGINT or SIGTERM).</summary>
    public void Handle(PosixSignalContext context)
    {
        bool interrupt = context.Signal == PosixSignal.SIGINT;
        if (Token.IsRequested)
        {
            exit(interrupt ? ExitCodes.Interrupted : ExitCodes.Terminated);
            return;
        }
        context.Cancel = true;
        string name = interrupt ? "SIGINT" : "SIGTERM";
        Token.Request(name);
        Console.WriteLine($"{name}: stopping at the next step boundary with a checkpoint; send it again to stop at once");
    }

    /// <summary>Stops handling the signals: they take their default action again.</summary>
    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
    }
}
