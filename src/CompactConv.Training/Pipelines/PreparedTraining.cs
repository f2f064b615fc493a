using CompactConv.Audio.Features;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// The first half of every pipeline's train step: the data is loaded and the run's config is made, so that
/// a front end can show what will be trained (data, notes, features) before the long part, <see cref="Train"/>.
/// Disposing it frees the loaded data.
/// </summary>
/// <typeparam name="TResult">What training returns: <see cref="TrainingResult"/>, or <see cref="EventTrainingResult"/> for events.</typeparam>
public sealed class PreparedTraining<TResult> : IDisposable
{
    private readonly Func<TrainingRun, TResult> train;
    private readonly IDisposable data;

    /// <summary>What a pipeline prepared: <paramref name="train"/> trains on <paramref name="data"/>, which this object then owns.</summary>
    internal PreparedTraining(RunConfig config, string source, long trainCount, IReadOnlyList<string> notes, IDisposable data,
        Func<TrainingRun, TResult> train, FeatureCacheFillResult? extraction = null, string? inputPipeline = null)
    {
        Config = config;
        Source = source;
        TrainCount = trainCount;
        Notes = notes;
        this.data = data;
        this.train = train;
        Extraction = extraction;
        InputPipeline = inputPipeline;
    }

    /// <summary>The config the run is trained with (written to config.json when training starts).</summary>
    public RunConfig Config { get; }

    /// <summary>Where the data came from, in words.</summary>
    public string Source { get; }

    /// <summary>Training examples (images or clips) per epoch.</summary>
    public long TrainCount { get; }

    /// <summary>Lines worth showing before training: files left out, splits made.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Audio runs: what the feature cache held and what had to be extracted; null for images.</summary>
    public FeatureCacheFillResult? Extraction { get; }

    /// <summary>Image runs with augmentation: the input pipeline that prepares batches on a loader thread, in words; null otherwise.</summary>
    public string? InputPipeline { get; }

    /// <summary>Trains (or resumes) into <paramref name="run"/>'s folder; the best epoch is chosen on validation data.</summary>
    public TResult Train(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return train(run);
    }

    /// <summary>Frees the loaded data.</summary>
    public void Dispose() => data.Dispose();
}
