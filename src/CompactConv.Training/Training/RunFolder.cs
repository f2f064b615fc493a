using System.Globalization;
using System.Text.Json;
using CompactConv.IO;

namespace CompactConv.Training;

/// <summary>
/// The parts of a run folder that every trainer handles the same way: taking it for writing (the lock,
/// what a killed writer left), the resume checks and config.json before the first epoch, and log.csv
/// after each one.
/// </summary>
public static class RunFolder
{
    private const string ConfigFile = "config.json";

    /// <summary>
    /// How messages name the choice to resume: the <c>resume</c> parameter of <see cref="Trainer.Run(TensorDataset, TensorDataset?, bool)"/>,
    /// the entry point most callers use (the other trainers and pipelines take a parameter of the same name).
    /// </summary>
    internal const string ResumeParameter = $"{nameof(Trainer)}.{nameof(Trainer.Run)}(resume)";

    /// <summary>
    /// Takes <paramref name="runFolder"/> (created when missing) for <paramref name="command"/>
    /// (<c>train</c>, <c>eval</c>, <c>demo</c>): its <see cref="RunLock"/>, refusing a folder that holds
    /// something other than a run; then removes the temporary files that writes killed part-way left in
    /// the folder and its checkpoint/ (with the lock held, no live writer can own them).
    /// <paramref name="note"/> gets one line for the take-over of a stale lock and one for the files removed.
    /// Dispose the lock when done writing.
    /// </summary>
    /// <exception cref="DataException">Another writer holds the lock, or the folder is not empty and holds no run.</exception>
    public static RunLock Lock(string runFolder, string command, Action<string>? note = null)
    {
        var held = RunLock.Acquire(runFolder, command);
        try
        {
            EnsureRunOrEmpty(runFolder);
            if (held.TakeOverNote is { } takeOver) note?.Invoke($"{runFolder}: {takeOver}");
            int removed = RemoveLeftovers(runFolder);
            if (removed > 0) note?.Invoke($"{runFolder}: removed {removed} temporary file{(removed == 1 ? "" : "s")} left by an interrupted write");
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks that <paramref name="resume"/> fits what the folder holds: a checkpoint to resume, or none
    /// to overwrite; and that a folder that is not empty holds a run, so that training never writes its
    /// files over someone else's.
    /// </summary>
    /// <exception cref="DataException">The folder does not fit; the message names it and what to do.</exception>
    public static void Check(string runFolder, bool resume)
    {
        EnsureRunOrEmpty(runFolder);
        var store = new CheckpointStore(runFolder);
        if (resume && !store.Exists) throw new DataException(store.StatePath, $"asked to resume ({ResumeParameter}) but there is no checkpoint to resume from");
        if (!resume && store.Exists) throw new DataException(runFolder, $"already holds a checkpoint; resume it with {ResumeParameter} or choose another folder");
    }

    /// <summary>
    /// The part of the resume check that can run before the data load (minutes for audio): compares the
    /// run's <paramref name="saved"/> config with <paramref name="known"/>(<paramref name="saved"/>), the
    /// settings that the options give before any data is read (task, dataset, data folder, model options,
    /// training options) put over the saved ones, which stand in for those the data decide (input shape,
    /// classes). Refuses as <see cref="Open"/> does after the load, so that loading another dataset with the
    /// run's normalisation and input shape cannot fail first with a message that says nothing of the resume.
    /// </summary>
    /// <exception cref="ArgumentException">A setting that a resumed run may not change differs; the message names each.</exception>
    public static void CheckResume(string runFolder, RunConfig saved, Func<RunConfig, RunConfig> known)
    {
        var requested = known(saved);
        // Compared as config.json will hold it: absolute, however the option spelled it.
        requested = requested with { DataDir = requested.DataDir is { } dataDir ? RunConfig.FullDataPath(dataDir) : null };
        ResumeCheck.Compare(saved, requested, runFolder);
    }

    /// <summary>
    /// <see cref="Check"/>, then, when resuming, compares <paramref name="config"/> with the saved one
    /// (<see cref="ResumeCheck"/>) and returns the store and the comparison. config.json is left alone:
    /// <see cref="WriteConfig"/> writes it once every check of a resume has passed, so a refused resume
    /// never changes the run it refused.
    /// </summary>
    internal static (CheckpointStore Store, ResumeCheck? Resume) Open(RunConfig config, string runFolder, bool resume)
    {
        Check(runFolder, resume);
        var check = resume ? ResumeCheck.Compare(RunConfig.Load(Path.Combine(runFolder, ConfigFile)), config, runFolder) : null;
        return (new CheckpointStore(runFolder), check);
    }

    /// <summary>Writes config.json of the run (atomically).</summary>
    public static void WriteConfig(RunConfig config, string runFolder) =>
        AtomicFile.WriteText(Path.Combine(runFolder, ConfigFile), config.ToJson());

    /// <summary>
    /// Rewrites log.csv with one row per record. The record's properties are the columns, named in
    /// snake_case like every other file a run writes; <c>ExamplesPerSecond</c> is named after what
    /// <paramref name="task"/> counts (<c>images_per_second</c> for images, <c>clips_per_second</c> for audio).
    /// </summary>
    public static void WriteLog<TRecord>(string runFolder, IEnumerable<TRecord> history, string task)
    {
        AtomicFile.Write(Path.Combine(runFolder, "log.csv"), stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture);
            var map = csv.Context.AutoMap<TRecord>();
            foreach (var member in map.MemberMaps)
            {
                string name = member.Data.Member!.Name;
                member.Name(name == nameof(EpochRecord.ExamplesPerSecond) ? $"{ExampleUnit(task)}_per_second" : JsonNamingPolicy.SnakeCaseLower.ConvertName(name));
            }
            csv.Context.RegisterClassMap(map);
            csv.WriteRecords(history);
        });
    }

    /// <summary>What one training example of <paramref name="task"/> is called in speeds: <c>images</c> or <c>clips</c>.</summary>
    public static string ExampleUnit(string task) => task == "image" ? "images" : "clips";

    /// <summary>True when <paramref name="folder"/> holds a run: a checkpoint, or a config.json that reads as a run's.</summary>
    public static bool IsRun(string folder)
    {
        if (new CheckpointStore(folder).Exists) return true;
        try
        {
            RunConfig.Load(Path.Combine(folder, ConfigFile));
            return true;
        }
        catch (DataException)
        {
            return false;
        }
    }

    // Lock files and a killed writer's temporary files do not make a folder anyone else's.
    private static void EnsureRunOrEmpty(string runFolder)
    {
        if (!Directory.Exists(runFolder)) return;
        bool empty = Directory.EnumerateFileSystemEntries(runFolder).Select(Path.GetFileName)
            .All(name => name is RunLock.FileName or RunLock.TakeOverFileName || AtomicFile.IsTemporary(name!));
        if (empty || IsRun(runFolder)) return;
        throw new DataException(runFolder, "is not empty and holds no run (neither checkpoint/state.json nor a run's config.json); give a new or empty folder");
    }

    private static int RemoveLeftovers(string runFolder)
    {
        int removed = 0;
        foreach (var folder in new[] { runFolder, new CheckpointStore(runFolder).Folder }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => AtomicFile.IsTemporary(Path.GetFileName(f))).ToList())
            {
                File.Delete(file);
                removed++;
            }
        }
        return removed;
    }
}
