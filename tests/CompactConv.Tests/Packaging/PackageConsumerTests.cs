using CompactConv.Complexity;
using CompactConv.Layers;
using CompactConv.Models;

namespace CompactConv.Tests.Packaging;

/// <summary>
/// The packages as a user gets them: each example, copied out of the repository and referencing the packed
/// packages instead of the projects, builds and runs. On Linux this includes loading TorchSharp's native
/// library, which on Debian 12 only works because the package's buildTransitive targets patch it.
/// </summary>
public sealed class PackageConsumerTests(PackedLibraries packages) : IClassFixture<PackedLibraries>
{
    /// <summary>The examples a user can copy; each needs a line in <see cref="ExpectedLine"/>.</summary>
    public static TheoryData<string> Examples => ["ModelCost"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_built_from_the_packages_outside_the_repository_runs_and_prints_what_the_library_computes_in_process(string example)
    {
        using var consumer = new ExampleConsumer(example, packages, withBackend: true);

        var build = consumer.Build();
        Assert.DoesNotContain("CCONV001", build.Output);
        var run = consumer.Run();

        Assert.Contains(ExpectedLine(example), run.Output.Split('\n').Select(l => l.TrimEnd()));
    }

    [Fact]
    public void A_program_without_a_libtorch_backend_is_told_at_build_time_which_package_to_add()
    {
        using var consumer = new ExampleConsumer("ModelCost", packages, withBackend: false);

        var build = consumer.Build();

        Assert.Contains("warning CCONV001", build.Output);
        Assert.Contains("libtorch-cpu-linux-x64", build.Output);
    }

    /// <summary>A line the example must print, computed here with the library in this process.</summary>
    private static string ExpectedLine(string example) => example switch
    {
        "ModelCost" => ModelCostLine(),
        _ => throw new ArgumentException($"no expected output for example '{example}'", nameof(example)),
    };

    private static string ModelCostLine()
    {
        var spec = new ModelSpec { Name = "smallcnn", Conv = ConvKind.Compact, InputShape = [1, 28, 28], NumClasses = 10 };
        using var model = ModelRegistry.Create(spec);
        return $"{spec.Name} ({spec.ConvLabel}): {ModelCost.Measure(model, [1, 28, 28]).ToSummaryLine()}";
    }
}
