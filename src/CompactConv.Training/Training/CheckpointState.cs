using System.Text.Json.Serialization;

namespace CompactConv.Training;

/// <summary>
/// What <c>checkpoint/state.json</c> records for every kind of training: which files hold the latest
/// epoch, and which epoch was best. Each trainer adds its best figure and its per-epoch history;
/// reading any run's state.json as this type ignores those, for code that only loads weights.
/// </summary>
public record CheckpointStateBase
{
    /// <summary>Last completed epoch (1-based).</summary>
    public int Epoch { get; init; }

    /// <summary>File name (inside checkpoint/) of the model weights after <see cref="Epoch"/>.</summary>
    public string ModelFile { get; init; } = "";

    /// <summary>File name of the optimiser state after <see cref="Epoch"/>.</summary>
    public string OptimizerFile { get; init; } = "";

    /// <summary>Epoch with the best validation figure so far (0 before any).</summary>
    public int BestEpoch { get; init; }
}

/// <summary>The state of a trainer whose epochs are <typeparamref name="TRecord"/>s.</summary>
public abstract record TrainingState<TRecord> : CheckpointStateBase
{
    /// <summary>Per-epoch figures of every completed epoch.</summary>
    public List<TRecord> History { get; init; } = [];

    /// <summary>
    /// The epoch after <see cref="CheckpointStateBase.Epoch"/> when the time budget stopped it part-way
    /// (the weight and optimiser files are then that step's); null, and absent from the file, otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PartialEpoch? Partial { get; init; }

    /// <summary>The figure of <see cref="CheckpointStateBase.BestEpoch"/>; each trainer stores it under its own name.</summary>
    [JsonIgnore]
    public abstract double Best { get; init; }
}

/// <summary>The state of a classification run (<see cref="Trainer"/>).</summary>
public sealed record CheckpointState : TrainingState<EpochRecord>
{
    /// <summary>Best validation accuracy so far (NaN when the run has no validation data and the latest epoch is the best).</summary>
    public double BestValidationAccuracy { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override double Best { get => BestValidationAccuracy; init => BestValidationAccuracy = value; }
}
