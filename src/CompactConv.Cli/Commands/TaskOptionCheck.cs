using System.CommandLine;

namespace CompactConv.Cli.Commands;

/// <summary>Refuses options that belong to another task, which that task's code would otherwise ignore without a word.</summary>
internal static class TaskOptionCheck
{
    /// <summary>
    /// Throws a <see cref="UsageException"/> naming the first of <paramref name="options"/> given on the
    /// command line (defaults do not count), as an option of <c>--task</c> <paramref name="owner"/> only.
    /// </summary>
    public static void RefuseGiven(ParseResult parse, IEnumerable<Option> options, string owner, string task)
    {
        foreach (var option in options)
        {
            var result = parse.GetResult(option);
            if (result is not null && !result.Implicit)
                throw new UsageException($"{option.Name} applies to --task {owner} only, not {task}");
        }
    }
}
