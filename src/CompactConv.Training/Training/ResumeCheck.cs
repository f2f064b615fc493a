using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CompactConv.Training;

/// <summary>
/// What resuming a run may change in a run's config.json. Every setting of the saved config is compared
/// with the one the options ask for: more (or the same) epochs, another time budget, prefetch depth or
/// feature cache folder may differ, and are recorded with the epoch they took effect from; anything else
/// (data, task, model, classes, validation share, front end, batch, seed, optimiser, schedule,
/// augmentation, clipping, ...) would change the steps already taken or what they were taken on, so a
/// difference is refused, naming every such setting.
/// </summary>
/// <remarks>
/// The comparison runs over config.json's own fields, so a setting added later is refused by default.
/// Settings only one side records are not compared: those an older version did not write. The conv
/// options are compared whole, whichever fields the conv kind reads, and named by their own names (r, op).
/// </remarks>
internal sealed class ResumeCheck
{
    // The settings that may change, by config.json path, with the property that sets each (as Type.Member,
    // which front ends map to their own names for the setting).
    private static readonly Dictionary<string, string> Changeable = new()
    {
        ["training.epochs"] = $"{nameof(TrainingOptions)}.{nameof(TrainingOptions.Epochs)}",
        ["training.max_minutes"] = $"{nameof(TrainingOptions)}.{nameof(TrainingOptions.MaxMinutes)}",
        ["training.prefetch"] = $"{nameof(TrainingOptions)}.{nameof(TrainingOptions.Prefetch)}",
        ["feature_cache_dir"] = $"{nameof(Pipelines.AudioDataRequest)}.{nameof(Pipelines.AudioDataRequest.CacheDir)}",
    };

    // Not settings: a description of the data, statistics taken from it (the resumed run reuses the
    // saved ones) and the record of changes itself.
    private static readonly string[] NotCompared = ["data_source", "normalization", "changes"];

    private readonly RunConfig saved;
    private readonly List<Difference> changes;

    private ResumeCheck(RunConfig saved, List<Difference> changes)
    {
        this.saved = saved;
        this.changes = changes;
    }

    private sealed record Difference(string Path, JsonNode? From, JsonNode? To)
    {
        public string Name => Path switch
        {
            "model.name" => "model",
            _ when Path.StartsWith("model.conv_options.", StringComparison.Ordinal) => Path["model.conv_options.".Length..],
            _ when Path.StartsWith("model.", StringComparison.Ordinal) => Path["model.".Length..],
            _ when Path.StartsWith("training.", StringComparison.Ordinal) => Path["training.".Length..],
            _ => Path,
        };
    }

    /// <summary>
    /// Compares the run's <paramref name="saved"/> config with the <paramref name="requested"/> one.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A setting that may not change differs (or the epochs shrink): one line naming the run folder and
    /// every such setting with its saved and requested value. The options are at fault, hence a usage error.
    /// </exception>
    public static ResumeCheck Compare(RunConfig saved, RunConfig requested, string runFolder)
    {
        var (refused, changes) = Differences(saved, requested);
        if (refused.Count > 0)
        {
            throw new ArgumentException(
                $"{RunFolder.ResumeParameter}: the run in {runFolder} {RefusedText(refused)} " +
                $"(a resumed run may only train more {Changeable["training.epochs"]} or change {Changeable["training.max_minutes"]}, " +
                $"{Changeable["training.prefetch"]} or {Changeable["feature_cache_dir"]})");
        }
        return new ResumeCheck(saved, changes);
    }

    /// <summary>
    /// The one "same run" rule: null when <paramref name="requested"/> continues the run that <paramref name="saved"/>
    /// describes (only settings a resume may change differ), else why not ("was trained with r=2; these options ask
    /// for r=4"). <see cref="Compare"/> enforces it when resuming; demos use it to choose between resuming a run
    /// folder and refusing it, so that a demo never resumes a run that the resume itself would refuse, nor
    /// refuses one that a resume would accept.
    /// </summary>
    public static string? Refusal(RunConfig saved, RunConfig requested)
    {
        var (refused, _) = Differences(saved, requested);
        return refused.Count == 0 ? null : RefusedText(refused);
    }

    private static string RefusedText(List<Difference> refused) =>
        $"was trained with {List(refused, d => d.From)}; these options ask for {List(refused, d => d.To)}";

    private static (List<Difference> Refused, List<Difference> Changes) Differences(RunConfig saved, RunConfig requested)
    {
        var before = Settings(saved);
        var after = Settings(requested);
        var refused = new List<Difference>();
        var changes = new List<Difference>();
        foreach (var (path, was) in before)
        {
            if (!after.TryGetValue(path, out var asked) || JsonNode.DeepEquals(was, asked)) continue;
            bool fewerEpochs = path == "training.epochs" && asked!.GetValue<int>() < was!.GetValue<int>();
            (Changeable.ContainsKey(path) && !fewerEpochs ? changes : refused).Add(new Difference(path, was, asked));
        }
        return (refused, changes);
    }

    /// <summary>
    /// The config to write: <paramref name="requested"/> with the saved changes and this invocation's,
    /// taking effect at step <paramref name="step"/> of epoch <paramref name="epoch"/>.
    /// </summary>
    public RunConfig Record(RunConfig requested, int epoch, long step)
    {
        var all = (saved.Changes ?? []).Concat(changes.Select(c => new ConfigChange
        {
            Epoch = epoch, Step = step, Field = c.Name, From = c.From?.DeepClone(), To = c.To?.DeepClone(),
        })).ToList();
        return requested with { Changes = all.Count == 0 ? null : all };
    }

    /// <summary>
    /// One line per change for the start of the run, e.g. "TrainingOptions.Epochs 20 (was 10) from epoch 6: the cosine
    /// schedule now spans 20 epochs" (the cosine rate is a function of the step and the total steps, so
    /// more epochs change the rate of every remaining step).
    /// </summary>
    public IEnumerable<string> Describe(int epoch, long step, TrainingOptions options) => changes.Select(c =>
    {
        string where = step == 0 ? $"epoch {epoch}" : $"epoch {epoch} step {step}";
        string line = $"{Changeable[c.Path]} {Text(c.To)} (was {Text(c.From)}) from {where}";
        return c.Path == "training.epochs" && options.Schedule == ScheduleKind.Cosine
            ? $"{line}: the cosine schedule now spans {Text(c.To)} epochs"
            : line;
    });

    private static string List(IEnumerable<Difference> differences, Func<Difference, JsonNode?> value) =>
        string.Join(", ", differences.Select(d => $"{d.Name}={Text(value(d))}"));

    // Every leaf of the config's JSON by its dotted path; arrays are leaves.
    private static Dictionary<string, JsonNode?> Settings(RunConfig config)
    {
        var root = JsonSerializer.SerializeToNode(config, RunConfig.JsonOptions)!.AsObject();
        foreach (var name in NotCompared) root.Remove(name);
        var leaves = new Dictionary<string, JsonNode?>();
        void Walk(string path, JsonNode? node)
        {
            if (node is not JsonObject section)
            {
                leaves[path] = node;
                return;
            }
            foreach (var (name, child) in section) Walk(path.Length == 0 ? name : $"{path}.{name}", child);
        }
        Walk("", root);
        return leaves;
    }

    private const int ShownItems = 4;

    private static string Text(JsonNode? node) => node switch
    {
        null => "none",
        JsonArray items => "[" + string.Join(", ", items.Take(ShownItems).Select(Text))
            + (items.Count > ShownItems ? string.Create(CultureInfo.InvariantCulture, $", ... {items.Count} in all") : "") + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
