using System.Globalization;
using System.Text.RegularExpressions;

namespace CompactConv.Tests.Packaging;

/// <summary>
/// The packages as a user gets them: each example, copied out of the repository and referencing the packed
/// packages instead of the projects, builds and runs. On Linux this includes loading TorchSharp's native
/// library, which on Debian 12 only works because the package's buildTransitive targets patch it.
/// </summary>
public sealed class PackageConsumerTests(PackedLibraries packages) : IClassFixture<PackedLibraries>
{
    /// <summary>
    /// The example that trains a module of the user's own on the embedded data: from the packages it needs the
    /// libtorch fix, the embedded data copied next to the program and the training API. (Every example runs
    /// in-process in ExampleProgramTests; one consumer build costs a copy of libtorch, so one is built here.)
    /// </summary>
    [Fact]
    public void A_user_module_trains_from_the_packages_outside_the_repository()
    {
        using var consumer = new ExampleConsumer("TrainCustomModule", packages, withBackend: true);

        var build = consumer.Build();
        Assert.DoesNotContain("CCONV001", build.Output);
        var run = consumer.Run();

        Assert.Contains("epoch 2: loss", run.Output);
        var accuracy = Regex.Match(run.Output, @"test accuracy ([0-9.]+) ?% on 1000 images");
        Assert.True(accuracy.Success, run.Output);
        // Ten classes: chance is 10 %.
        Assert.True(double.Parse(accuracy.Groups[1].Value, CultureInfo.InvariantCulture) > 50, run.Output);
    }

    [Fact]
    public void A_program_without_a_libtorch_backend_is_told_at_build_time_which_package_to_add()
    {
        using var consumer = new ExampleConsumer("ModelCost", packages, withBackend: false);

        var build = consumer.Build();

        Assert.Contains("warning CCONV001", build.Output);
        Assert.Contains("libtorch-cpu-linux-x64", build.Output);
    }
}
