using System.Globalization;
using CompactConv.Complexity;
using CompactConv.Data;
using CompactConv.Training;

namespace CompactConv.Pipelines;

/// <summary>
/// <c>compactconv demo --task scenes|events</c>: audio to try at once. Mixes soundscapes from the small
/// embedded sample set with <c>synth</c> into the output folder, trains the task's baseline and compact
/// convolution (and in full mode separable, compact(mean) and a wider compact(max)), selects each run's
/// best epoch on the validation split, evaluates it on the test split, and writes results.csv and
/// report.md in the image demo's shape (<see cref="DemoTable"/>). Soundscapes, features and finished runs
/// are reused and unfinished runs resumed, so an interrupted demo continues where it stopped. The output
/// folder and each run folder are locked while the demo writes them (<see cref="RunLock"/>).
/// </summary>
public static class AudioDemo
{
    /// <summary>Folder of the feature cache inside the output folder.</summary>
    public const string CacheFolder = "features";

    /// <summary>
    /// Runs the demo and writes results.csv and report.md into <see cref="AudioDemoOptions.OutDir"/>; a stop
    /// requested through <paramref name="stop"/> ends it at the next step boundary of the run being trained.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="DataException">The samples, spec or output folder are unusable, or another process writes them; the message names the file.</exception>
    /// <exception cref="TrainingStoppedException">A stop was requested; the run has a checkpoint, and running the demo again continues it.</exception>
    public static IReadOnlyList<DemoRow> Run(AudioDemoOptions options, IDemoObserver observer, StopToken? stop = null)
    {
        var recipe = AudioDemoRecipe.For(options);
        string specPath = Path.Combine(AudioSamples.Locate(recipe.SpecFile, options.SamplesDir), recipe.SpecFile);
        using var outputLock = DemoRuns.LockOutput(options.OutDir, observer.Note);
        observer.Note($"samples: {specPath}");
        var set = DemoSoundscapes.Prepare(specPath, options.OutDir, options.Soundscapes);
        observer.Note(set.Reused
            ? $"soundscapes: reusing the {set.Spec.Count} in {set.Folder}"
            : $"soundscapes: synthesised {set.Spec.Count} into {set.Folder}");

        using var task = Load(recipe, set.Folder, Path.Combine(options.OutDir, CacheFolder), options.Seed);
        var splits = task.Splits;
        if (splits.Validation == 0)
            throw new DataException(specPath, "the demo selects each run's best epoch on a validation split, and this spec makes none (set split.validate_fraction)");
        observer.DataLoaded(splits.Source, splits.Train, splits.Test);
        var rows = new List<DemoRow>();
        foreach (var configuration in recipe.Configurations)
        {
            var config = task.CreateConfig(configuration);
            string runFolder = Path.Combine(options.OutDir, Demo.RunName(config.Model));
            using var runLock = RunFolder.Lock(runFolder, "demo", observer.Note);
            bool resume = DemoRuns.ResumeOrStart(runFolder, config);
            rows.Add(task.Run(config, runFolder, resume, observer.ForRun(DemoRuns.Label(config.Model, recipe.Width)), stop, options.Device));
        }
        DemoTable.Write(options.OutDir, recipe.Title, Notes(recipe, set, task, options), rows, observer);
        return rows;
    }

    /// <summary>
    /// A configuration's row: conv columns and exact cost of <paramref name="config"/>'s model, the task's
    /// <paramref name="figures"/>, then training seconds and epochs (results.csv only).
    /// </summary>
    internal static DemoRow Row(RunConfig config, double trainSeconds, IReadOnlyList<DemoFigure> figures)
    {
        using var model = Trainer.BuildModel(config);
        var cost = ModelCost.Measure(model, config.Model.InputShape.Select(d => (long)d).ToArray());
        var (conv, op, r) = DemoRuns.Columns(config.Model);
        return new DemoRow(conv, op, r, config.Model.Width, cost.Parameters, cost.Macs,
            [.. figures, new("train_seconds", trainSeconds), new("epochs", config.Training.Epochs)]);
    }

    // Validation comes from the spec's leak-free split alone (fraction 0: nothing held out of training),
    // so that a spec without one is refused rather than quietly validated on clips sharing sources with training.
    private static IAudioDemoTask Load(AudioDemoRecipe recipe, string dataDir, string cacheDir, int seed)
    {
        var request = new AudioDataRequest { Dataset = recipe.Dataset, DataDir = dataDir, Features = recipe.Features, CacheDir = cacheDir, Seed = seed, ValidationFraction = 0 };
        return recipe.Task == AudioDemoTask.Scenes ? new SceneDemoTask(recipe, request) : new EventDemoTask(recipe, request);
    }

    private static IEnumerable<string> Notes(AudioDemoRecipe recipe, DemoSoundscapeSet set, IAudioDemoTask task, AudioDemoOptions options)
    {
        var spec = set.Spec;
        var splits = task.Splits;
        var features = recipe.Features;
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"Data: {spec.Count} soundscapes of {spec.Duration} s at {spec.SampleRate} Hz mixed by `compactconv synth` from {spec.SourcePath}: {splits.Train} train / {splits.Validation} validation / {splits.Test} test"),
            "Each label's source clips are split by file, so validation and test soundscapes hold only recordings training never heard; a set this small and synthetic is not comparable with TAU or URBAN-SED results",
            string.Create(CultureInfo.InvariantCulture,
                $"Features: log-mel, {features.NMels} bands, n_fft {features.NFft}, hop {features.HopLength} at {features.SampleRate} Hz"),
            string.Create(CultureInfo.InvariantCulture, $"Model: {recipe.Model}, baseline width {recipe.Width}; compact rows pool groups of r = 2 channels"),
            DemoTable.TrainingNote(recipe.Training, options.Quick),
            .. task.Notes,
        ];
    }
}
