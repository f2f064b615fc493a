using System.Globalization;
using CompactConv.IO;

namespace CompactConv.Training;

/// <summary>
/// The parts of a run folder that every trainer handles the same way: the resume checks and
/// config.json before the first epoch, and log.csv after each one.
/// </summary>
public static class RunFolder
{
    /// <summary>
    /// Checks that <paramref name="resume"/> fits what the folder holds (a checkpoint to resume, or
    /// none to overwrite; the same model when resuming) and returns the store. config.json is left
    /// alone: <see cref="WriteConfig"/> writes it once every check of a resume has passed, so a
    /// refused resume never changes the run it refused.
    /// </summary>
    public static CheckpointStore Open(RunConfig config, string runFolder, bool resume)
    {
        var store = new CheckpointStore(runFolder);
        var configPath = Path.Combine(runFolder, "config.json");
        if (resume && !store.Exists) throw new DataException(store.StatePath, "--resume given but there is no checkpoint to resume from");
        if (!resume && store.Exists) throw new DataException(runFolder, "already holds a checkpoint; pass --resume to continue it or choose another --out");
        if (resume) EnsureSameModel(configPath, config);
        return store;
    }

    /// <summary>Writes config.json of the run (atomically).</summary>
    public static void WriteConfig(RunConfig config, string runFolder) =>
        AtomicFile.WriteText(Path.Combine(runFolder, "config.json"), config.ToJson());

    /// <summary>Rewrites log.csv with one row per record (the record's properties are the columns).</summary>
    public static void WriteLog<TRecord>(string runFolder, IEnumerable<TRecord> history)
    {
        AtomicFile.Write(Path.Combine(runFolder, "log.csv"), stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(history);
        });
    }

    private static void EnsureSameModel(string configPath, RunConfig config)
    {
        var saved = RunConfig.Load(configPath);
        var a = saved.Model;
        var b = config.Model;
        if (a.Name != b.Name || a.Conv != b.Conv || a.R != b.R || a.Op != b.Op || a.Grouping != b.Grouping || a.Width != b.Width)
        {
            throw new DataException(configPath, $"--resume with a different model: the run has {a.Name} {a.ConvLabel}, the options ask for {b.Name} {b.ConvLabel}");
        }
    }
}
