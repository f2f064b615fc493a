using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Runtime;

/// <summary>
/// The device that models train and run on, chosen once per process (the CLI's <c>--device</c>).
/// Data stays on the CPU, where it is loaded and augmented; each batch moves to the device as it
/// is used, and results come back to the CPU to be read.
/// </summary>
/// <remarks>
/// Models are built and initialised on the CPU and then moved, so the seeded initial weights are
/// the same on every device. CUDA needs a CUDA build of libtorch (<c>dotnet build -p:TorchDevice=cuda</c>).
/// </remarks>
public static class ComputeDevice
{
    /// <summary>The device in use; the CPU until <see cref="Use"/> picks another.</summary>
    public static Device Current { get; private set; } = CPU;

    /// <summary>True when <see cref="Current"/> is not the CPU.</summary>
    public static bool IsAccelerator => Current.type != DeviceType.CPU;

    /// <summary>
    /// Selects the device named by <paramref name="name"/>: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>, or
    /// <c>auto</c> (the first CUDA device when there is one, else the CPU).
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or names a CUDA device this build or
    /// machine does not have; the message names <c>--device</c>.</exception>
    public static void Use(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Current = Parse(name);
    }

    /// <summary>Resolves a device name as <see cref="Use"/> does, without selecting it.</summary>
    public static Device Parse(string name)
    {
        string text = name.Trim().ToLowerInvariant();
        if (text == "cpu") return CPU;
        if (text == "auto") return CudaDeviceCount() > 0 ? CUDA : CPU;
        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            int index = 0;
            if (text.Length > 4 && !int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index))
                throw new ArgumentException($"--device: '{name}' is not cuda:N with a device number N");
            int count = CudaDeviceCount();
            if (count == 0)
                throw new ArgumentException($"--device {name}: no CUDA device is available (this needs a CUDA build of libtorch, `dotnet build -p:TorchDevice=cuda`, and an NVIDIA driver)");
            if (index >= count)
                throw new ArgumentException($"--device {name}: there are only {count} CUDA device(s), numbered from 0");
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"--device: unknown device '{name}' (expected cpu, cuda, cuda:N or auto)");
    }

    /// <summary><paramref name="tensor"/> on <see cref="Current"/>: itself when it is already there, else a copy in the caller's dispose scope.</summary>
    public static Tensor Move(Tensor tensor) => OnDevice(tensor, Current);

    /// <summary><paramref name="tensor"/> on <paramref name="device"/>: itself when it is already there, else a copy in the caller's dispose scope.</summary>
    public static Tensor OnDevice(Tensor tensor, Device device)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.device_type == device.type && (device.type == DeviceType.CPU || tensor.device_index == device.index)
            ? tensor
            : tensor.to(device);
    }

    /// <summary>The device of <paramref name="model"/>'s first parameter (the CPU for a model without parameters).</summary>
    public static Device Of(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var parameter in model.parameters())
            return parameter.device;
        return CPU;
    }

    /// <summary><paramref name="model"/> moved to <see cref="Current"/> (in place; returned for chaining).</summary>
    public static T Place<T>(T model) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(model);
        if (IsAccelerator) model.to(Current);
        return model;
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
