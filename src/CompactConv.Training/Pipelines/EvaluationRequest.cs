using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>What every pipeline's evaluate step takes: a run folder and where its test split is.</summary>
public sealed record EvaluationRequest
{
    /// <summary>The run folder to evaluate; metrics.json and the reports are written there.</summary>
    public required string RunFolder { get; init; }

    /// <summary>The best epoch's weights (chosen on validation data) instead of the last epoch's.</summary>
    public bool Best { get; init; }

    /// <summary>Another folder of the run's dataset than the one config.json names.</summary>
    public string? DataDir { get; init; }

    /// <summary>Audio runs: another feature cache than the one the run was trained with.</summary>
    public string? CacheDir { get; init; }

    /// <summary>The device the model runs on; the CPU when null.</summary>
    public Device? Device { get; init; }

    /// <summary>Audio runs: the number of files checked or extracted so far, as features are read.</summary>
    public IProgress<int>? FeatureProgress { get; init; }

    /// <summary>"best" or "last", as metrics.json records the weights.</summary>
    internal string WeightsLabel => Best ? "best" : "last";
}
