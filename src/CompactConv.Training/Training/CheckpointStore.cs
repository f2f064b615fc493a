using System.Text.Json;
using CompactConv.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Training;

/// <summary>
/// A run folder's <c>checkpoint/</c>: per-epoch weight and optimiser files, <c>best.model</c>, and
/// <c>state.json</c> naming the latest complete pair. Each file is written atomically and state.json
/// last, so a crash at any moment leaves the previous epoch's checkpoint intact.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>The checkpoint folder.</summary>
    public string Folder { get; }

    /// <summary>Path of state.json.</summary>
    public string StatePath => Path.Combine(Folder, "state.json");

    /// <summary>Path of the best model's weights.</summary>
    public string BestModelPath => Path.Combine(Folder, "best.model");

    /// <summary>Uses <c>runFolder/checkpoint</c>.</summary>
    public CheckpointStore(string runFolder)
    {
        Folder = Path.Combine(runFolder, "checkpoint");
    }

    /// <summary>True when a complete checkpoint exists.</summary>
    public bool Exists => File.Exists(StatePath);

    /// <summary>Reads the state.json of a classification run; throws <see cref="DataException"/> if it is missing or malformed.</summary>
    public CheckpointState ReadState() => ReadState<CheckpointState>();

    /// <summary>Reads state.json as <typeparamref name="TState"/>; throws <see cref="DataException"/> if it is missing or malformed.</summary>
    public TState ReadState<TState>() where TState : CheckpointStateBase
    {
        if (!File.Exists(StatePath)) throw new DataException(StatePath, "no checkpoint to resume from");
        try
        {
            return JsonSerializer.Deserialize<TState>(File.ReadAllText(StatePath), RunConfig.JsonOptions)
                ?? throw new DataException(StatePath, "checkpoint state is empty");
        }
        catch (JsonException e)
        {
            throw new DataException(StatePath, $"malformed checkpoint state: {e.Message}", e);
        }
    }

    /// <summary>Saves the epoch's weights and optimiser state, then points state.json at them and drops older epochs.</summary>
    /// <remarks>state.json is written as <paramref name="state"/>'s runtime type, so a trainer's own figures are kept.</remarks>
    public void Save(nn.Module model, optim.Optimizer optimizer, CheckpointStateBase state, bool isBest)
    {
        string modelPath = Path.Combine(Folder, state.ModelFile);
        string optimizerPath = Path.Combine(Folder, state.OptimizerFile);
        AtomicFile.WriteVia(modelPath, temp => model.save(temp));
        AtomicFile.WriteVia(optimizerPath, temp => ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(temp));
        if (isBest) AtomicFile.WriteVia(BestModelPath, temp => model.save(temp));
        AtomicFile.WriteText(StatePath, JsonSerializer.Serialize(state, state.GetType(), RunConfig.JsonOptions));
        foreach (var old in Directory.EnumerateFiles(Folder, "epoch-*"))
        {
            var name = Path.GetFileName(old);
            if (name != state.ModelFile && name != state.OptimizerFile) File.Delete(old);
        }
    }

    /// <summary>File names for epoch <paramref name="epoch"/>.</summary>
    public static (string Model, string Optimizer) FileNames(int epoch) =>
        ($"epoch-{epoch:D4}.model", $"epoch-{epoch:D4}.optim");

    /// <summary>File names for a checkpoint inside epoch <paramref name="epoch"/> after <paramref name="steps"/> of its steps (a time-budget stop).</summary>
    public static (string Model, string Optimizer) FileNames(int epoch, long steps) =>
        ($"epoch-{epoch:D4}-step-{steps:D6}.model", $"epoch-{epoch:D4}-step-{steps:D6}.optim");

    /// <summary>Loads weights from <paramref name="fileName"/> (inside the folder) into <paramref name="model"/>.</summary>
    public void LoadModel(nn.Module model, string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path)) throw new DataException(path, "checkpoint weights are missing");
        try
        {
            model.load(path);
        }
        catch (Exception e) when (e is not DataException)
        {
            throw new DataException(path, $"cannot load weights: {e.Message}", e);
        }
    }

    /// <summary>Loads optimiser state from <paramref name="fileName"/> into <paramref name="optimizer"/>.</summary>
    public void LoadOptimizer(optim.Optimizer optimizer, string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path)) throw new DataException(path, "checkpoint optimiser state is missing");
        try
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(path);
        }
        catch (Exception e) when (e is not DataException)
        {
            throw new DataException(path, $"cannot load optimiser state: {e.Message}", e);
        }
    }
}
