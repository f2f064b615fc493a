using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>Where an audio demo's data came from, and its clips per split.</summary>
internal sealed record AudioDemoSplits(string Source, long Train, long Validation, long Test);

/// <summary>
/// One task of the audio demo, its data loaded once: builds each configuration's run config, and trains
/// (or resumes), selects on validation and evaluates on test through the task's pipeline.
/// </summary>
internal interface IAudioDemoTask : IDisposable
{
    /// <summary>The loaded data's origin and split sizes.</summary>
    AudioDemoSplits Splits { get; }

    /// <summary>The report's notes on selection and evaluation.</summary>
    IEnumerable<string> Notes { get; }

    /// <summary>The run config of <paramref name="configuration"/>.</summary>
    RunConfig CreateConfig(DemoConfiguration configuration);

    /// <summary>
    /// Trains the run in <paramref name="runFolder"/> (resumes it with <paramref name="resume"/>) and evaluates its
    /// best epoch; a stop requested through <paramref name="stop"/> ends it with <see cref="TrainingStoppedException"/>.
    /// </summary>
    DemoRow Run(RunConfig config, string runFolder, bool resume, ITrainingObserver observer, StopToken? stop, TorchSharp.torch.Device device);
}
