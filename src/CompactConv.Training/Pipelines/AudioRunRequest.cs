using CompactConv.Events;
using CompactConv.Models;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>What the scene and event pipelines need to start a run, as <see cref="ImageRunRequest"/> is for images.</summary>
public sealed record AudioRunRequest
{
    /// <summary>The dataset, its features and how to divide it (<see cref="AudioDataRequest.IncludeTest"/> is ignored: training never reads the test split).</summary>
    public required AudioDataRequest Data { get; init; }

    /// <summary>Builds the model spec once the data's input shape and class count are known.</summary>
    public required Func<int[], int, ModelSpec> BuildSpec { get; init; }

    /// <summary>Training hyper-parameters.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>Events only: how frame posteriors become events, for validation scoring and later detection; the pipeline's default when null.</summary>
    public PostProcessingOptions? PostProcessing { get; init; }

    /// <summary>The number of audio files checked or extracted so far, as features are read.</summary>
    public IProgress<int>? FeatureProgress { get; init; }

    /// <summary>
    /// The data request with the feature cache a resumed run was trained with, unless this request names
    /// another: a resumed run reads the features it was trained with.
    /// </summary>
    internal AudioDataRequest DataFor(RunConfig? resumed) =>
        Data with { CacheDir = Data.CacheDir ?? resumed?.FeatureCacheDir, IncludeTest = false };
}
