using System.Globalization;
using System.Text.Json;
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
