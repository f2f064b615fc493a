using System.Text.Json.Serialization;

namespace CompactConv.Training;

/// <summary>One epoch of <see cref="EventTrainer"/>, as written to log.csv.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="LearningRate">Rate of the epoch's last step.</param>
/// <param name="TrainLoss">Mean training loss per clip (frame binary cross-entropy, plus the clip term when it applies).</param>
/// <param name="TrainFrameF1">Micro F1 of frame decisions (logit &gt;= 0) against frame targets (&gt;= 0.5) over the epoch's training batches, as trained (dropout, augmentation).</param>
/// <param name="ValidationScore">The validation scorer's value after the epoch; NaN without a scorer.</param>
/// <param name="Seconds">Time of the training steps.</param>
/// <param name="ClipsPerSecond">Training clips per second.</param>
public sealed record EventEpochRecord(
    int Epoch, double LearningRate, double TrainLoss, double TrainFrameF1, double ValidationScore, double Seconds, double ClipsPerSecond);

/// <summary>The state.json of an <see cref="EventTrainer"/> run.</summary>
public sealed record EventCheckpointState : TrainingState<EventEpochRecord>
{
    /// <summary>Score of the best epoch so far (NaN when the run has no scorer).</summary>
    public double BestScore { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override double Best { get => BestScore; init => BestScore = value; }
}

/// <summary>The outcome of <see cref="EventTrainer.Run"/>; <paramref name="Stop"/> says where a run stopped by its time budget or a stop request continues.</summary>
public sealed record EventTrainingResult(int EpochsCompleted, IReadOnlyList<EventEpochRecord> History, int BestEpoch, double BestScore,
    TrainingStop? Stop = null);
