using CompactConv.Cli;
using CompactConv.Cli.Commands;

namespace CompactConv.Tests.Cli;

public class TaskOptionCheckTests
{
    // The options of train, eval and demo that every task uses. Any other option must say which tasks
    // it belongs to in TaskOptionCheck.Owners: a new option cannot be silently ignored by other tasks.
    private static readonly string[] Shared =
    [
        "--help", "--task", "--dataset", "--data", "--out", "--resume", "--checkpoint", "--best", "--quick", "--seed",
        "--model", "--conv", "--op", "--r", "--grouping", "--width",
        "--epochs", "--batch", "--lr", "--optimizer", "--momentum", "--weight-decay", "--schedule", "--step-epochs", "--gamma",
        "--warmup", "--label-smoothing", "--clip-grad", "--max-minutes", "--validation-fraction", "--skip-bad",
    ];

    private static IEnumerable<string> OptionsOf(string command) =>
        CliApp.CreateRoot().Subcommands.Single(c => c.Name == command).Options.Select(o => o.Name);

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("demo")]
    public void EveryOptionIsSharedOrBelongsToNamedTasks(string command) =>
        Assert.Equal([], OptionsOf(command).Where(o => !Shared.Contains(o) && !TaskOptionCheck.Owners.ContainsKey(o)).ToArray());

    [Fact]
    public void EveryOwnedOptionExistsAndBelongsToKnownTasks()
    {
        var options = new[] { "train", "eval", "demo" }.SelectMany(OptionsOf).ToHashSet();
        Assert.Equal([], TaskOptionCheck.Owners.Keys.Where(o => !options.Contains(o)).ToArray());
        Assert.All(TaskOptionCheck.Owners.Values, owners => Assert.Subset(TaskOptionCheck.Tasks.ToHashSet(), owners.ToHashSet()));
    }
}
