using System.Reflection;
using System.Text.RegularExpressions;

namespace CompactConv.Tests.Training;

/// <summary>
/// The example programs a user copies: each is built with the tests (project references) and run here
/// in-process, and what it prints is checked; the README's training example is the example's own file.
/// </summary>
[Collection(ConsoleAndFolderCollection.Name)]
public partial class ExampleProgramTests
{
    private static string RunExample(string assemblyName, params string[] args)
    {
        var entry = Assembly.Load(assemblyName).EntryPoint ?? throw new InvalidOperationException($"{assemblyName} has no entry point");
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [args]);
        }
        finally
        {
            Console.SetOut(original);
        }
        return output.ToString();
    }

    private static double Percent(Match match) => double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"test accuracy ([0-9.]+) ?%")]
    private static partial Regex TestAccuracy();

    [Fact]
    public void TrainCustomModuleTrainsItsOwnNetworkWellAboveChance()
    {
        string printed = RunExample("TrainCustomModule");

        Assert.Contains("epoch 1: loss", printed);
        Assert.Contains("epoch 2: loss", printed);
        var accuracy = TestAccuracy().Match(printed);
        Assert.True(accuracy.Success, printed);
        // Ten classes: chance is 10 %; two epochs on 3,000 images reach far more.
        Assert.True(Percent(accuracy) > 50, printed);
        Assert.Contains("on 1000 images", printed);
    }

    [Fact]
    public void ModelCostPrintsTheCostTheLibraryMeasuresForACompactSmallCnn()
    {
        string printed = RunExample("ModelCost");

        var spec = new CompactConv.Models.ModelSpec
        {
            Name = "smallcnn", Conv = CompactConv.Layers.ConvKind.Compact, InputShape = [1, 28, 28], NumClasses = 10,
        };
        using var model = CompactConv.Models.ModelRegistry.Create(spec);
        string totals = $"smallcnn (compact(max, r=2)): {CompactConv.Complexity.ModelCost.Measure(model, [1, 28, 28]).ToSummaryLine()}";
        Assert.Contains(totals, printed.Split('\n').Select(line => line.TrimEnd()));
        Assert.Contains("registered models: ", printed);
    }

    [Fact]
    public void RegisteredModelIsCreatedByNameAndTrainedAboveChance()
    {
        string printed = RunExample("RegisteredModel");

        Assert.Contains("registered: True", printed);
        Assert.Contains("tiny-compact (compact(max, r=2)): params=", printed);
        Assert.Contains("trained 1 epoch(s)", printed);
        var accuracy = TestAccuracy().Match(printed);
        Assert.True(accuracy.Success, printed);
        Assert.True(Percent(accuracy) > 15, printed);
    }

    [Fact]
    public void TheReadmesTrainingExampleIsTheExampleProgram()
    {
        string root = RepositoryRoot();
        string program = File.ReadAllText(Path.Combine(root, "examples", "TrainCustomModule", "Program.cs")).ReplaceLineEndings("\n");
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        const string marker = "<!-- examples/TrainCustomModule/Program.cs";
        int at = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, "README.md does not show examples/TrainCustomModule/Program.cs");
        int start = readme.IndexOf("```csharp\n", at, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = readme.IndexOf("```\n", start, StringComparison.Ordinal);
        Assert.Equal(program, readme[start..end]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CompactConv.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no CompactConv.slnx above {AppContext.BaseDirectory}");
    }
}
