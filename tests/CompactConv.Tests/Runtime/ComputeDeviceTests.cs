using CompactConv.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Tests.Runtime;

public class ComputeDeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void CpuNamesTheCpu(string name) => Assert.Equal(DeviceType.CPU, ComputeDevice.Parse(name).type);

    [Fact]
    public void AutoFallsBackToTheCpuWithoutCuda()
    {
        var expected = cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        Assert.Equal(expected, ComputeDevice.Parse("auto").type);
    }

    [Theory]
    [InlineData("gpu", "unknown device 'gpu'")]
    [InlineData("cuda:x", "cuda:N")]
    [InlineData("cuda:-1", "cuda:N")]
    public void UnknownNamesAreRefusedQuotingTheName(string name, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => ComputeDevice.Parse(name));
        Assert.Equal("name", e.ParamName);
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void CudaWithoutACudaDeviceIsRefusedWithTheBuildHint()
    {
        if (cuda.is_available()) return; // only meaningful on a CPU-only build or machine
        var e = Assert.Throws<ArgumentException>(() => ComputeDevice.Parse("cuda"));
        Assert.Contains("no CUDA device", e.Message);
        Assert.Contains("-p:TorchDevice=cuda", e.Message);
    }

    [Fact]
    public void MovingToTheDeviceATensorIsAlreadyOnReturnsItUnchanged()
    {
        using var t = ones(3);
        Assert.Same(t, ComputeDevice.OnDevice(t, CPU));
    }

    [Fact]
    public void AModelsDeviceIsItsParametersDevice()
    {
        using var linear = nn.Linear(2, 3);
        Assert.Equal(DeviceType.CPU, ComputeDevice.Of(linear).type);
        using var empty = nn.ReLU();
        Assert.Equal(DeviceType.CPU, ComputeDevice.Of(empty).type);
    }
}
