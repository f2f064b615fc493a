using CompactConv.Audio.Features;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// The first half of every pipeline's train step: the data is loaded and the run's config is made, so that
/// a front end can show what will be trained (data, notes, features) before the long part, <see cref="Train"/>.
/// </summary>
/// <typeparam name="TResult">What training returns: <see cref="TrainingResult"/>, or <see cref="EventTrainingResult"/> for events.</typeparam>
public abstract class PreparedTraining<TResult> : IDisposable
{
    /// <summary>Holds what every pipeline prepares.</summary>
    protected PreparedTraining(RunConfig config, string source, long trainCount, IReadOnlyList<string> notes,
        FeatureCacheFillResult? extraction = null, string? inputPipeline = null)
    {
        Config = config;
        Source = source;
        TrainCount = trainCount;
        Notes = notes;
        Extraction = extraction;
        InputPipeline = inputPipeline;
    }

    /// <summary>The config the run is trained with (written to config.json when training starts).</summary>
    public RunConfig Config { get; }

    /// <summary>Where the data came from, in words.</summary>
    public string Source { get; }

    /// <summary>Training examples (images or clips) per epoch.</summary>
    public long TrainCount { get; }

    /// <summary>Lines worth showing before training: files left out, splits made, the input pipeline chosen.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Audio runs: what the feature cache held and what had to be extracted; null for images.</summary>
    public FeatureCacheFillResult? Extraction { get; }

    /// <summary>Image runs with augmentation: the input pipeline that prepares batches on a loader thread, in words; null otherwise.</summary>
    public string? InputPipeline { get; }

    /// <summary>Trains (or resumes) into <paramref name="run"/>'s folder; the best epoch is chosen on validation data.</summary>
    public abstract TResult Train(TrainingRun run);

    /// <summary>Frees the loaded data.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the loaded data.</summary>
    protected abstract void Dispose(bool disposing);
}
