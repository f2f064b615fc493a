using System.Globalization;
using System.Text.Json.Nodes;
using CompactConv.Audio.Features;
using CompactConv.Data.Events;
using CompactConv.Events;
using CompactConv.IO;
using CompactConv.Metrics.Sed;
using CompactConv.Models;
using CompactConv.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>The outcome of <see cref="EventDetection.Evaluate"/>.</summary>
/// <param name="Metrics">sed_eval-style metrics of the test split.</param>
/// <param name="PostProcessing">The post-processing the test events were decoded with (tuned thresholds included).</param>
/// <param name="FrameF1">Micro F1 of frame decisions at the post-processing thresholds, before median filtering.</param>
/// <param name="Source">Where the data came from.</param>
/// <param name="EstimatePath">The event list TSV written for the test split.</param>
/// <param name="MergeReference">Whether the reference's overlapping same-label events were merged before scoring.</param>
/// <param name="ReferencePath">The reference event list the test split was scored against, as written.</param>
/// <param name="DurationsPath">The test files' audio lengths (psds_eval's metadata table), as written.</param>
/// <param name="ScoresPath">The folder of test posteriors in sed_scores_eval's score format, as written.</param>
/// <param name="Psds">PSDS of both DCASE scenarios from the test posteriors; null when <paramref name="PsdsUnavailable"/> says why not.</param>
/// <param name="PsdsUnavailable">Why PSDS was not computed (the reference has overlapping same-label events), or null.</param>
public sealed record EventEvaluation(SedEvaluationResult Metrics, PostProcessingOptions PostProcessing, double FrameF1, string Source, string EstimatePath,
    bool MergeReference, string ReferencePath, string DurationsPath, string ScoresPath, PsdsReport? Psds, string? PsdsUnavailable);

/// <summary>
/// Sound event detection: strong-label dataset layout -> cached log-mel features and frame targets ->
/// frame-wise model (<c>crnn</c>) -> <see cref="EventTrainer"/> with model selection on validation
/// event-based F1 -> post-processing -> sed_eval-style metrics.
/// </summary>
public static class EventDetection
{
    /// <summary>Name of the estimated test events written by <see cref="Evaluate"/>.</summary>
    public const string EstimateFile = "test_estimate.tsv";

    /// <summary>Name of the reference event list <see cref="Evaluate"/> scored the test split against.</summary>
    public const string ReferenceFile = "test_reference.tsv";

    /// <summary>Name of the test files' audio lengths written by <see cref="Evaluate"/> (filename, duration).</summary>
    public const string DurationsFile = "test_durations.tsv";

    /// <summary>Name of the folder of test posteriors in sed_scores_eval's score format written by <see cref="Evaluate"/>.</summary>
    public const string ScoresFolder = "test_scores";

    /// <summary>Default post-processing of a new run: threshold 0.5, 0.25 s median filter, events of at least 0.1 s, gaps under 0.1 s merged.</summary>
    public static PostProcessingOptions DefaultPostProcessing { get; } = new()
    {
        Threshold = 0.5,
        MedianFilterSeconds = 0.25,
        MinEventSeconds = 0.1,
        MinGapSeconds = 0.1,
    };

    /// <summary>Builds a run config for training on <paramref name="data"/>.</summary>
    public static RunConfig CreateConfig(AudioDataRequest request, EventTaskData data, Func<int[], int, ModelSpec> buildSpec,
        TrainingOptions training, PostProcessingOptions postProcessing)
    {
        postProcessing.Validate(data.ClassNames.Count);
        return request.ToRunConfig("events", data.Source, data.InputShape, data.ClassNames, data.Normalization, data.Extraction.Folder, buildSpec, training)
            with { PostProcessing = postProcessing };
    }

    /// <summary>
    /// Trains (or resumes) the run; after every epoch the validation split is decoded with the run's
    /// post-processing and scored by event-based F1 (onset and offset), which picks best.model.
    /// Without validation clips the latest epoch is the best. <paramref name="stop"/>, once requested, stops
    /// training at the next step boundary with a checkpoint.
    /// </summary>
    /// <remarks>The model runs on <paramref name="device"/>, the CPU when null.</remarks>
    public static EventTrainingResult Train(RunConfig config, string runFolder, EventTaskData data, bool resume, ITrainingObserver? observer = null,
        StopToken? stop = null, Device? device = null)
    {
        EnsureFrameModel(config);
        bool allStrong = data.Train.Strong.all().item<bool>();
        using var train = new EventTensorDataset(data.Train.Inputs.alias(), data.Train.FrameTargets.alias(), data.Train.ClipTargets.alias(),
            allStrong ? null : data.Train.Strong.alias());
        Func<nn.Module<Tensor, Tensor>, double>? scorer = data.Validation.Count == 0 ? null : model =>
        {
            var estimate = DetectSplit(model, data.Validation, config, PostProcessingOf(config));
            return F1OrZero(EventF1(ReferenceOf(data.Validation, merge: false), estimate, config.ClassNames));
        };
        return new EventTrainer(config, runFolder, scorer, observer, stop: stop) { Device = device ?? CPU }.Run(train, resume);
    }

    /// <summary>
    /// Checks that the model has frame outputs, then loads (or extracts into the cache) the features and frame
    /// targets <paramref name="request"/> names, normalised with the statistics of <paramref name="resumed"/>, the
    /// config of the run being resumed, or else of the training split, and makes the run's config (with the
    /// request's post-processing, or <see cref="DefaultPostProcessing"/>); <see cref="PreparedTraining{TResult}.Train"/>
    /// then trains as <see cref="Train"/> does.
    /// </summary>
    public static PreparedTraining<EventTrainingResult> Prepare(AudioRunRequest request, RunConfig? resumed = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Before minutes of feature extraction.
        RequireFrameModel(request.BuildSpec([1, 1, 1], 1).Name);
        var dataRequest = request.DataFor(resumed);
        var data = EventTaskData.Load(dataRequest, request.FeatureProgress, resumed?.Normalization, resumed?.Model.InputShape[2]);
        try
        {
            var config = CreateConfig(dataRequest, data, request.BuildSpec, request.Training, request.PostProcessing ?? DefaultPostProcessing);
            return new PreparedTraining<EventTrainingResult>(config, data.Source, data.Train.Count, data.Notes, data,
                run => Train(config, run.Folder, data, run.Resume, run.Observer, run.Stop, run.Device), data.Extraction);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Evaluates a run folder on its dataset's test split against the annotation as written (or, with
    /// <paramref name="mergeReference"/>, with its overlapping same-label events merged; tuning uses the
    /// same rule on validation). Writes the estimated events (<see cref="EstimateFile"/>), the reference
    /// scored against (<see cref="ReferenceFile"/>), the audio lengths (<see cref="DurationsFile"/>), the
    /// posteriors (<see cref="ScoresFolder"/>) and metrics.json with segment-based, event-based (onset and
    /// offset) and onset-only blocks and the PSDS of both DCASE scenarios, so that <c>sed-metrics</c> on those
    /// files gives the same figures. With <paramref name="tuneThresholds"/>, per-class thresholds are first
    /// chosen on the validation split (event-based F1) and recorded in metrics.json.
    /// </summary>
    public static EventEvaluation Evaluate(EvaluationRequest request, bool tuneThresholds = false, bool mergeReference = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        string runFolder = request.RunFolder;
        var config = TrainedRun.ReadConfig(runFolder);
        EnsureFrameModel(config);
        using var data = EventTaskData.Load(AudioDataRequest.For(config, request.DataDir, request.CacheDir, includeTest: true), request.FeatureProgress,
            config.Normalization, config.Model.InputShape[2]);
        if (data.Test.Count == 0) throw new DataException(data.Source, "the test split has no clips");
        using var model = TrainedRun.LoadModel(runFolder, config, request.Best, request.Device);
        var post = PostProcessingOf(config);
        double hop = data.Targets.HopSeconds;
        if (tuneThresholds)
        {
            if (data.Validation.Count == 0) throw new DataException(data.Source, "EventDetection.Evaluate(tuneThresholds) needs a validation split, and this dataset has none");
            var clips = Posteriors(model, data.Validation, config);
            var reference = ReferenceOf(data.Validation, mergeReference);
            post = ThresholdTuner.Tune(clips, hop, config.ClassNames,
                estimated => F1OrZero(EventF1(reference, Estimate(data.Validation, estimated), config.ClassNames)), post).Options;
        }

        var testClips = Posteriors(model, data.Test, config);
        var testReference = ReferenceOf(data.Test, mergeReference);
        var estimatedEvents = testClips.SelectMany(c => EventDecoder.Decode(c.Posteriors, hop, config.ClassNames, c.File, post)).ToList();
        var estimate = Estimate(data.Test, estimatedEvents);
        // The classes are the labels of both lists, as sed-metrics takes them: a class listed only by the run
        // would add an error rate of 0 to the class-wise averages that sed-metrics on the written files lacks.
        var metrics = SedEvaluation.Evaluate(testReference, estimate, new SedMetricOptions());
        double frameF1 = FrameF1(testClips, data.Test, post);
        var durations = data.Test.Examples.Select(e => KeyValuePair.Create(e.FileName, e.Duration)).ToList();
        var (psds, psdsUnavailable) = TestPsds(testReference, durations, testClips, hop, config.ClassNames, post);

        // Exact times, so that sed-metrics on these files scores exactly what was scored here; Write lists a
        // file without events only when it has none, so every test file is named.
        string estimatePath = Path.Combine(runFolder, EstimateFile), referencePath = Path.Combine(runFolder, ReferenceFile);
        string durationsPath = Path.Combine(runFolder, DurationsFile), scoresPath = Path.Combine(runFolder, ScoresFolder);
        EventListTsv.Write(estimatePath, estimate.Events, estimate.Files, exactTimes: true);
        EventListTsv.Write(referencePath, testReference.Events, testReference.Files, exactTimes: true);
        AudioDurationsTsv.Write(durationsPath, durations);
        SedScoresTsv.WriteFolder(scoresPath, testClips, hop, config.ClassNames);
        WriteMetrics(runFolder, config, data.Source, request.WeightsLabel, post, tuneThresholds, frameF1,
            SedMetricsJson.Report(mergeReference, metrics, psds), psdsUnavailable);
        return new EventEvaluation(metrics, post, frameF1, data.Source, estimatePath, mergeReference, referencePath, durationsPath, scoresPath, psds, psdsUnavailable);
    }

    /// <summary>Events detected in each audio file by a run's model, with the run's post-processing (or <paramref name="postProcessing"/>).</summary>
    public static IReadOnlyList<SoundEvent> Detect(PredictionRequest request, PostProcessingOptions? postProcessing = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        string runFolder = request.RunFolder;
        var config = TrainedRun.ReadConfig(runFolder);
        EnsureFrameModel(config);
        var features = config.Features ?? throw new DataException(Path.Combine(runFolder, "config.json"), "not an audio run (no features section)");
        var post = postProcessing ?? PostProcessingOf(config);
        post.Validate(config.ClassNames.Length);
        double hop = new FrameTargets(features, config.ClassNames).HopSeconds;
        using var model = TrainedRun.LoadModel(runFolder, config, request.Best, request.Device);
        var extractor = new LogMelSpectrogram(features);
        var events = new List<SoundEvent>();
        foreach (var file in request.Files)
        {
            using var scope = NewDisposeScope();
            var logMel = extractor.ComputeFile(file);
            // The recurrent model takes any length, so each file is run at its own length: no padded
            // frames whose posteriors could turn into events past the end of the audio.
            var input = LogMelData.Stack([logMel], logMel.GetLength(1), config.Normalization);
            var posteriors = EventTrainer.PredictFramePosteriors(model, input, 1);
            events.AddRange(EventDecoder.Decode(PosteriorArrays.ToArray(posteriors[0]), hop, config.ClassNames, Path.GetFileName(file), post));
        }
        return events;
    }

    /// <summary>The run's post-processing, or the default for runs that saved none.</summary>
    public static PostProcessingOptions PostProcessingOf(RunConfig config) => config.PostProcessing ?? DefaultPostProcessing;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="modelName"/> is a registered model with frame outputs.</summary>
    public static void RequireFrameModel(string modelName)
    {
        if (!modelName.StartsWith("crnn", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"ModelSpec.Name {modelName} gives one output per clip; sound event detection needs frame outputs (crnn or crnn-att)", nameof(modelName));
        }
    }

    private static void EnsureFrameModel(RunConfig config) => RequireFrameModel(config.Model.Name);

    private static IReadOnlyList<SoundEvent> DetectSplit(nn.Module<Tensor, Tensor> model, EventSplitData split, RunConfig config, PostProcessingOptions post)
    {
        var clips = Posteriors(model, split, config);
        double hop = new FrameTargets(config.Features ?? new LogMelOptions(), config.ClassNames).HopSeconds;
        return clips.SelectMany(c => EventDecoder.Decode(c.Posteriors, hop, config.ClassNames, c.File, post)).ToList();
    }

    // Posteriors of each clip, cut to the clip's own frames so padding never produces events.
    private static List<ClipPosteriors> Posteriors(nn.Module<Tensor, Tensor> model, EventSplitData split, RunConfig config)
    {
        using var scope = NewDisposeScope();
        var features = config.Features ?? new LogMelOptions();
        // Recurrent activations of whole clips are large; small batches keep evaluation memory modest.
        using var all = EventTrainer.PredictFramePosteriors(model, split.Inputs, Math.Min(config.Training.EvalBatchSize, 16));
        var clips = new List<ClipPosteriors>(split.Count);
        for (int i = 0; i < split.Count; i++)
        {
            var example = split.Examples[i];
            long frames = Math.Min(all.shape[1], EventTaskData.FrameCount(example.Duration, features));
            clips.Add(new ClipPosteriors(example.FileName, PosteriorArrays.ToArray(all[i].narrow(0, 0, frames))));
        }
        return clips;
    }

    // The annotation as written (sed_eval's reference), not the tidied events the targets were made from.
    private static EventList ReferenceOf(EventSplitData split, bool merge)
    {
        var reference = new EventList(split.Files, split.Examples.SelectMany(e => e.ReferenceEvents).ToList());
        return merge ? EventOverlaps.Merge(reference) : reference;
    }

    // PSDS is undefined for a reference with overlapping same-label events (psds_eval refuses it); the other
    // figures are still worth having, so it is reported as unavailable rather than failing the evaluation.
    private static (PsdsReport? Psds, string? Unavailable) TestPsds(EventList reference, IReadOnlyList<KeyValuePair<string, double>> durations,
        IReadOnlyList<ClipPosteriors> clips, double hop, IReadOnlyList<string> classNames, PostProcessingOptions post)
    {
        if (PsdsFiles.ReferenceProblem(reference) is { } problem)
            return (null, problem);
        var truth = new PsdsGroundTruth(reference, new Dictionary<string, double>(durations, StringComparer.Ordinal), classNames);
        return (PsdsEvaluation.FromPosteriors(truth, clips, hop, post, OperatingPoints.EvenThresholds(OperatingPoints.DefaultThresholdCount),
            PsdsEvaluation.DcaseScenarios), null);
    }

    private static EventList Estimate(EventSplitData split, IReadOnlyList<SoundEvent> events) => new(split.Files, events);

    private static double EventF1(EventList reference, IReadOnlyList<SoundEvent> estimated, IReadOnlyList<string> classNames) =>
        EventF1(reference, new EventList(reference.Files, estimated), classNames);

    private static double EventF1(EventList reference, EventList estimate, IReadOnlyList<string> classNames)
    {
        var metrics = new EventBasedMetrics(classNames);
        foreach (var pair in SedEvaluation.PairByFile(reference, estimate)) metrics.Evaluate(pair.Reference, pair.Estimate);
        return metrics.Results().Overall.FMeasure;
    }

    // Before the model finds anything, precision is 0/0; selection treats that as the worst score.
    private static double F1OrZero(double f1) => double.IsFinite(f1) ? f1 : 0;

    // Each clip's frames at the post-processing thresholds (before median filtering) against its targets;
    // the targets are padded to the longest clip, the posteriors are not.
    private static double FrameF1(IReadOnlyList<ClipPosteriors> clips, EventSplitData split, PostProcessingOptions post)
    {
        using var scope = NewDisposeScope();
        long classes = split.FrameTargets.shape[2];
        var thresholds = tensor(Enumerable.Range(0, (int)classes).Select(post.ThresholdOf).ToArray());
        var counts = new FrameCounts();
        for (int i = 0; i < clips.Count; i++)
        {
            using var clipScope = NewDisposeScope();
            var posteriors = tensor(clips[i].Posteriors);
            counts += FrameCounts.Of(posteriors, split.FrameTargets[i].narrow(0, 0, posteriors.shape[0]), thresholds);
        }
        return counts.F1;
    }

    private static void WriteMetrics(string runFolder, RunConfig config, string source, string checkpoint, PostProcessingOptions post,
        bool tuned, double frameF1, JsonObject report, string? psdsUnavailable)
    {
        var json = new JsonObject
        {
            ["task"] = "events",
            ["model"] = config.Model.Name,
            ["conv"] = config.Model.ConvLabel,
            ["checkpoint"] = checkpoint,
            ["data"] = source,
            ["post_processing"] = new JsonObject
            {
                ["threshold"] = post.Threshold,
                ["class_thresholds"] = post.ClassThresholds is null ? null
                    : new JsonObject(config.ClassNames.Select((name, k) => KeyValuePair.Create(name, (JsonNode?)post.ClassThresholds[k]))),
                ["thresholds_tuned_on_validation"] = tuned,
                ["median_filter_seconds"] = post.MedianFilterSeconds,
                ["min_event_seconds"] = post.MinEventSeconds,
                ["min_gap_seconds"] = post.MinGapSeconds,
            },
            ["frame_f1"] = frameF1,
        };
        foreach (var (key, value) in report) json[key] = value?.DeepClone();
        if (psdsUnavailable is not null)
        {
            json["psds"] = null;
            json["psds_unavailable"] = psdsUnavailable;
        }
        AtomicFile.WriteText(Path.Combine(runFolder, "metrics.json"),
            json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
