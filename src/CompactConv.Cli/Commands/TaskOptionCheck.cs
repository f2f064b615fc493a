using System.CommandLine;
using System.CommandLine.Parsing;

namespace CompactConv.Cli.Commands;

/// <summary>
/// Which options belong to which task, for the commands that take options of several tasks (train,
/// eval, demo). The code of the task that runs would ignore another task's option without a word (an
/// image run has no mel bands, a scenes run no event post-processing), so such an option is refused,
/// naming it and the task. An option missing from the table applies to every task.
/// </summary>
internal static class TaskOptionCheck
{
    /// <summary>The tasks, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> Tasks = ["image", "scenes", "events"];

    private static readonly string[] Image = ["image"];
    private static readonly string[] Audio = ["scenes", "events"];
    private static readonly string[] Scenes = ["scenes"];
    private static readonly string[] Events = ["events"];

    /// <summary>Option name -> the tasks it belongs to.</summary>
    public static IReadOnlyDictionary<string, string[]> Owners { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Image datasets and the image input pipeline.
        ["--labels"] = Image,
        ["--image-size"] = Image,
        ["--grey"] = Image,
        ["--test-fraction"] = Image,
        ["--train-limit"] = Image,
        ["--crop-padding"] = Image,
        ["--flip"] = Image,
        ["--cutout"] = Image,
        ["--prefetch"] = Image,
        // The log-mel front end, its cache, spectrogram augmentation and the audio demos' soundscapes.
        ["--sample-rate"] = Audio,
        ["--mels"] = Audio,
        ["--n-fft"] = Audio,
        ["--hop"] = Audio,
        ["--cache"] = Audio,
        ["--mixup"] = Audio,
        ["--time-masks"] = Audio,
        ["--freq-masks"] = Audio,
        ["--soundscapes"] = Audio,
        // Scene datasets' folds; crops, which frame targets could not follow.
        ["--fold"] = Scenes,
        ["--crop-frames"] = Scenes,
        // Turning frame posteriors into events, and scoring them.
        ["--threshold"] = Events,
        ["--median-filter"] = Events,
        ["--min-event"] = Events,
        ["--min-gap"] = Events,
        ["--tune-thresholds"] = Events,
        ["--merge-reference"] = Events,
    };

    /// <summary>
    /// Throws a <see cref="UsageException"/> when <paramref name="task"/> (the value of <c>--task</c>) is
    /// unknown, or for the first option given on the command line (defaults do not count) that does not
    /// belong to it.
    /// </summary>
    public static void RefuseForTask(ParseResult parse, string task)
    {
        if (!Tasks.Contains(task)) throw new UsageException($"--task: unknown task '{task}' (expected {string.Join(", ", Tasks.SkipLast(1))} or {Tasks[^1]})");
        Refuse(parse, task, owners => $"--task {owners}", $"not {task}");
    }

    /// <summary>As <see cref="RefuseForTask"/>, for a command whose task is that of the run it reads.</summary>
    public static void RefuseForRun(ParseResult parse, string task) =>
        Refuse(parse, task, owners => $"{owners} runs", $"not this {task} run");

    private static void Refuse(ParseResult parse, string task, Func<string, string> applies, string not)
    {
        foreach (var given in parse.CommandResult.Children.OfType<OptionResult>().Where(r => !r.Implicit))
        {
            if (Owners.TryGetValue(given.Option.Name, out var owners) && !owners.Contains(task))
                throw new UsageException($"{given.Option.Name} applies to {applies(string.Join(" or ", owners))} only, {not}");
        }
    }
}
