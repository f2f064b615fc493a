namespace CompactConv.Training;

/// <summary>
/// A request to stop training at the next step boundary, with a checkpoint that <c>--resume</c> continues
/// exactly. Anything may request it, from any thread (the command line's SIGINT and SIGTERM handlers
/// do); the trainers read it between steps, as they read the <see cref="TrainingOptions.MaxMinutes"/> budget.
/// </summary>
public sealed class StopToken
{
    private string? requestedBy;

    /// <summary>What asked for the stop (e.g. <c>SIGTERM</c>); null until one is requested.</summary>
    public string? RequestedBy => Volatile.Read(ref requestedBy);

    /// <summary>True once a stop is requested.</summary>
    public bool IsRequested => RequestedBy is not null;

    /// <summary>Asks training to stop; <paramref name="by"/> names who asked. The first request is the one kept.</summary>
    public void Request(string by) => Interlocked.CompareExchange(ref requestedBy, by, null);
}
