namespace CompactConv.Training;

/// <summary>
/// Training stopped on request (<see cref="StopToken"/>) with a checkpoint to continue from. Its message
/// is the one line that says where, which checkpoint and how to continue; the command line prints it and
/// exits with 75 (EX_TEMPFAIL). Callers that train several runs (the demos) throw it to end them all.
/// </summary>
public sealed class TrainingStoppedException : Exception
{
    /// <summary>
    /// The stop <paramref name="stop"/> of the run in <paramref name="runFolder"/>, continued by
    /// <paramref name="howToContinue"/> (e.g. "run the same command again to continue").
    /// </summary>
    public TrainingStoppedException(TrainingStop stop, string runFolder, string howToContinue)
        : base($"{stop.Describe()}; checkpoint in {runFolder}; {howToContinue}")
    {
        Stop = stop;
    }

    /// <summary>Where the run stopped.</summary>
    public TrainingStop Stop { get; }
}
