using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Runtime;

/// <summary>
/// Device names and moves. The device is always an argument (a trainer's <c>Device</c>, a pipeline
/// request's), never a process-wide setting, so two models in one process may run on two devices.
/// Data stays on the CPU, where it is loaded and augmented; each batch moves to the model's device
/// as it is used, and results come back to the CPU to be read.
/// </summary>
/// <remarks>
/// Models are built and initialised on the CPU and then moved, so the seeded initial weights are
/// the same on every device. CUDA needs a CUDA build of libtorch (<c>dotnet build -p:TorchDevice=cuda</c>).
/// </remarks>
public static class ComputeDevice
{
    /// <summary>
    /// The device named by <paramref name="name"/>: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>, or
    /// <c>auto</c> (the first CUDA device when there is one, else the CPU).
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or names a CUDA device this build or
    /// machine does not have; the message quotes the name.</exception>
    public static Device Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string text = name.Trim().ToLowerInvariant();
        if (text == "cpu") return CPU;
        if (text == "auto") return CudaDeviceCount() > 0 ? CUDA : CPU;
        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            int index = 0;
            if (text.Length > 4 && !int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index))
                throw new ArgumentException($"device '{name}' is not cuda:N with a device number N", nameof(name));
            int count = CudaDeviceCount();
            if (count == 0)
                throw new ArgumentException($"device '{name}': no CUDA device is available (this needs a CUDA build of libtorch, `dotnet build -p:TorchDevice=cuda`, and an NVIDIA driver)", nameof(name));
            if (index >= count)
                throw new ArgumentException($"device '{name}': there are only {count} CUDA device(s), numbered from 0", nameof(name));
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"unknown device '{name}' (expected cpu, cuda, cuda:N or auto)", nameof(name));
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same device (any CPU index counts as the CPU).</summary>
    public static bool Same(Device a, Device b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.type == b.type && (a.type == DeviceType.CPU || a.index == b.index);
    }

    /// <summary><paramref name="tensor"/> on <paramref name="device"/>: itself when it is already there, else a copy in the caller's dispose scope.</summary>
    public static Tensor OnDevice(Tensor tensor, Device device)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Same(tensor.device, device) ? tensor : tensor.to(device);
    }

    /// <summary>The device of <paramref name="model"/>'s first parameter (the CPU for a model without parameters).</summary>
    public static Device Of(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var parameter in model.parameters())
            return parameter.device;
        return CPU;
    }

    private static int CudaDeviceCount()
    {
        try
        {
            return cuda.is_available() ? cuda.device_count() : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or NotSupportedException or InvalidOperationException)
        {
            // A CPU-only libtorch: TorchSharp cannot load its CUDA backend.
            return 0;
        }
    }
}
