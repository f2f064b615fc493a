using System.Globalization;
using CompactConv.Layers;
using CompactConv.Models;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// What every demo does with its folders: the output folder is locked for the demo, a finished run is
/// reused, an unfinished one resumed, a folder holding a run with other settings refused rather than
/// overwritten or silently mixed in, and a run that a stop request ended ends the demo.
/// </summary>
public static class DemoRuns
{
    /// <summary>
    /// Takes the demo's output folder (created when missing) for this process, so that two demos never
    /// write the same soundscapes, runs or tables; the take-over of a stale lock goes to <paramref name="note"/>.
    /// Each run folder inside is locked on its own (<see cref="RunFolder.Lock"/>) while it is trained.
    /// </summary>
    /// <exception cref="DataException">Another process holds the folder's lock.</exception>
    public static RunLock LockOutput(string outDir, Action<string> note)
    {
        var held = RunLock.Acquire(outDir, "demo");
        if (held.TakeOverNote is { } line) note($"{outDir}: {line}");
        return held;
    }

    /// <summary>
    /// Ends the demo when <paramref name="stop"/> says a stop request ended the run in <paramref name="runFolder"/>
    /// (demos have no time budget): the exception's line says where, and that running the demo again continues.
    /// </summary>
    /// <exception cref="TrainingStoppedException">The run stopped.</exception>
    public static void ThrowIfStopped(TrainingStop? stop, string runFolder)
    {
        if (stop is not null) throw new TrainingStoppedException(stop, runFolder, "run the same command again to continue");
    }

    /// <summary>
    /// Whether the run in <paramref name="runFolder"/> is to be resumed: false when the folder holds no
    /// checkpoint, true when it holds a run that <paramref name="config"/> continues by the rule a resume
    /// applies (<see cref="ResumeCheck.Refusal"/>): a finished run is then reused, a shorter one trained on.
    /// </summary>
    /// <exception cref="DataException">The folder holds a run with other settings (named in the message), or no config.json beside its checkpoint.</exception>
    public static bool ResumeOrStart(string runFolder, RunConfig config)
    {
        if (!new CheckpointStore(runFolder).Exists) return false;
        if (ResumeCheck.Refusal(RunConfig.Load(Path.Combine(runFolder, "config.json")), config) is { } refusal)
            throw new DataException(runFolder, $"holds a run with other settings: it {refusal}; remove it or choose another output folder");
        return true;
    }

    /// <summary>The conv, op and r columns of a configuration's row: op and r belong to compact convolution only.</summary>
    public static (string Conv, string Op, int R) Columns(ModelSpec spec) => spec.Conv == ConvKind.Compact
        ? (spec.Conv.Name(), spec.ConvOptions.Op.Name(), spec.ConvOptions.R)
        : (spec.Conv.Name(), "", 1);

    /// <summary>Progress label of a configuration: the conv label, with the width when it is not <paramref name="baseWidth"/>.</summary>
    public static string Label(ModelSpec spec, double baseWidth) => spec.Width == baseWidth
        ? spec.ConvLabel
        : $"{spec.ConvLabel} width {spec.Width.ToString(CultureInfo.InvariantCulture)}";
}
