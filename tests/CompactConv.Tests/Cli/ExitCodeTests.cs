using CompactConv.Cli;
using CompactConv.Tests.Data;

namespace CompactConv.Tests.Cli;

public class ExitCodeTests
{
    [Theory]
    [InlineData("summary", "--conv", "bogus")]
    [InlineData("summary", "--op", "bogus", "--conv", "compact")]
    [InlineData("summary", "--input", "1x0x28")]
    [InlineData("summary", "--model", "nosuchmodel")]
    [InlineData("summary", "--r", "0")]
    [InlineData("train", "--epochs", "3")]
    [InlineData("nosuchcommand")]
    [InlineData("summary", "--no-such-option")]
    [InlineData("bench", "layers", "--in", "6", "--r", "4")]
    [InlineData("bench", "layers", "--warmup", "-1")]
    [InlineData("bench", "layers", "--rounds", "0")]
    public void UsageErrorsExitWithTwoAndOneLineWithoutStackTrace(params string[] args)
    {
        var result = CliHarness.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.ErrorLines[0]);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void UsageErrorNamesTheOption()
    {
        var result = CliHarness.Run("summary", "--conv", "bogus");
        Assert.Contains("--conv", result.ErrorLines[0]);
        Assert.Contains("bogus", result.ErrorLines[0]);
    }

    [Fact]
    public void CompactWithRNotDividingChannelsIsAUsageError()
    {
        var result = CliHarness.Run("summary", "--conv", "compact", "--r", "3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("r=3", result.ErrorLines[0]);
    }

    [Fact]
    public void MissingCheckpointIsADataErrorNamingThePath()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nothing-here");
        var result = CliHarness.Run("eval", "--checkpoint", missing);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains(missing, result.ErrorLines[0]);
    }

    [Fact]
    public void ALibtorchErrorKeepsOnlyItsFirstLine()
    {
        // TorchSharp raises libtorch errors as ExternalException; the lines after the first are C++ context.
        var error = new System.Runtime.InteropServices.ExternalException(
            "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 9 TB.\nC++ context line one\nline two");
        Assert.Equal("[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 9 TB.", CommandRunner.OneLine(error));
        Assert.Equal("a .NET message over two lines", CommandRunner.OneLine(new InvalidOperationException("a .NET message\nover two lines")));
    }

    [Fact]
    public void VerboseAddsTheStackTrace()
    {
        using var folder = new TempFolder();
        var result = CliHarness.Run("eval", "--checkpoint", Path.Combine(folder.Path, "x"), "--verbose");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("   at ", result.Error);
    }

    [Fact]
    public void TruncatedTrainingDataIsADataErrorNamingTheFile()
    {
        using var folder = new TempFolder();
        var data = folder.Folder("data");
        FakeMnist.Write(data, 20, 10, gzip: false);
        var images = Path.Combine(data, "train-images-idx3-ubyte");
        var bytes = File.ReadAllBytes(images);
        File.WriteAllBytes(images, bytes[..(bytes.Length - 100)]);
        var result = CliHarness.Run("train", "--dataset", "mnist", "--data", data, "--epochs", "1", "--out", folder.File("run"));
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains(images, result.ErrorLines[0]);
        Assert.Contains("truncated", result.ErrorLines[0]);
        Assert.False(Directory.Exists(folder.File("run")));
    }
}
