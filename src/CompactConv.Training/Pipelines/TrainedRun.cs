using CompactConv.Models;
using CompactConv.Runtime;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>
/// A finished (or stopped) run folder opened for use: its config.json and its registry model with the
/// weights of the last or the best epoch, in evaluation mode on a device. Every pipeline's evaluate and
/// predict steps open runs through here, so they agree on which weights "best" means and on the checks.
/// </summary>
public sealed class TrainedRun : IDisposable
{
    private TrainedRun(string folder, RunConfig config, nn.Module<Tensor, Tensor> model)
    {
        Folder = folder;
        Config = config;
        Model = model;
    }

    /// <summary>The run folder.</summary>
    public string Folder { get; }

    /// <summary>The run's config.json.</summary>
    public RunConfig Config { get; }

    /// <summary>The run's model in evaluation mode, on the device it was opened for.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>
    /// Opens <paramref name="folder"/>: reads its config (refusing a run of another task than
    /// <paramref name="task"/> when one is given) and loads the last or, with <paramref name="best"/>, the best
    /// epoch's weights on <paramref name="device"/> (the CPU when null).
    /// </summary>
    /// <exception cref="DataException">config.json or the checkpoint is missing or malformed, or the run is of another task; names the file.</exception>
    public static TrainedRun Open(string folder, bool best = false, Device? device = null, string? task = null)
    {
        var config = ReadConfig(folder, task);
        return new TrainedRun(folder, config, LoadModel(folder, config, best, device));
    }

    /// <summary>The config.json of <paramref name="folder"/>, refused when it is not a run of <paramref name="task"/> (any task when null).</summary>
    public static RunConfig ReadConfig(string folder, string? task = null)
    {
        string path = Path.Combine(folder, "config.json");
        var config = RunConfig.Load(path);
        if (task is not null && config.Task != task) throw new DataException(path, $"is a run of task {config.Task}, not {task}");
        return config;
    }

    /// <summary>
    /// The model <paramref name="config"/> describes with the weights of the last (or best) checkpoint in
    /// <paramref name="folder"/>, on <paramref name="device"/> (the CPU when null), in evaluation mode.
    /// </summary>
    public static nn.Module<Tensor, Tensor> LoadModel(string folder, RunConfig config, bool best = false, Device? device = null)
    {
        var store = new CheckpointStore(folder);
        var state = store.ReadState<CheckpointStateBase>();
        var model = ModelRegistry.Create(config.Model);
        store.LoadModel(model, best ? Path.GetFileName(store.BestModelPath) : state.ModelFile);
        if (device is not null && !ComputeDevice.Same(device, CPU)) model.to(device);
        model.eval();
        return model;
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
