using System.Globalization;
using CompactConv.Audio.Features;
using CompactConv.Data.Events;
using CompactConv.Training;
using static TorchSharp.torch;

namespace CompactConv.Pipelines;

/// <summary>
/// Log-mel features and targets of a sound event dataset: per split, normalised input [N, 1, mels, frames],
/// frame targets [N, frames, classes] and clip targets [N, classes] (docs/event-data.md). Every clip is
/// zero-padded (the band mean after normalisation; its targets stay 0) or cut to one frame count: the one
/// given, else that of <see cref="AudioDataRequest.ClipSeconds"/>, else the longest training clip's.
/// Per-band statistics come from the training split only.
/// </summary>
public sealed class EventTaskData : IDisposable
{
    /// <summary>Training split.</summary>
    public required EventSplitData Train { get; init; }

    /// <summary>Validation split (the layout's own or held out of train); may have no clips.</summary>
    public required EventSplitData Validation { get; init; }

    /// <summary>Test split; without <see cref="AudioDataRequest.IncludeTest"/> it has no clips.</summary>
    public required EventSplitData Test { get; init; }

    /// <summary>Class names in target order.</summary>
    public IReadOnlyList<string> ClassNames => Targets.ClassNames;

    /// <summary>The frame grid and class order of the targets, for turning frame outputs back into events.</summary>
    public required FrameTargets Targets { get; init; }

    /// <summary>Per-mel-band mean and std of the training split.</summary>
    public required Normalization Normalization { get; init; }

    /// <summary>Where the data came from, split sizes and the number of notes.</summary>
    public required string Source { get; init; }

    /// <summary>Dataset notes, problems skipped with skip-bad, undecodable files and clips cut to the frame count.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Per-example input shape [1, mels, frames].</summary>
    public required int[] InputShape { get; init; }

    /// <summary>Frames per clip.</summary>
    public int Frames => InputShape[2];

    /// <summary>Feature extraction figures.</summary>
    public required FeatureCacheFillResult Extraction { get; init; }

    /// <summary>
    /// Loads the splits, checks every annotation against its audio, fills the feature cache and builds the
    /// tensors. With <paramref name="normalization"/> and <paramref name="frames"/> from a saved run, the
    /// same statistics and length are used.
    /// </summary>
    /// <exception cref="ArgumentException">Bad options or request values.</exception>
    /// <exception cref="DataException">Dataset problems, or undecodable audio without skip-bad.</exception>
    public static EventTaskData Load(AudioDataRequest request, IProgress<int>? progress = null,
        Normalization? normalization = null, int? frames = null)
    {
        request.Features.Validate();
        if (request.ClipSeconds is { } seconds && !(seconds > 0 && double.IsFinite(seconds)))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the clip length must be a positive number of seconds, got {seconds}"));
        if (frames is < 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the frame count must be at least 1, got {frames}"));
        var splits = EventDatasets.Load(request.Dataset, request.DataDir,
            new EventDatasetOptions { SkipBad = request.SkipBad, Seed = request.Seed, SplitFiles = request.SplitFiles, HoldOutFraction = request.ValidationFraction });
        var notes = new List<string>(splits.Notes);
        notes.AddRange(splits.Skipped);

        var testExamples = request.IncludeTest ? splits.Test : [];
        var features = LogMelData.Extract(splits.Train.Concat(splits.Validation).Concat(testExamples).Select(e => e.AudioPath),
            request.Features, request.CacheDir ?? AudioDataRequest.DefaultCacheDir, request.Parallelism, request.SkipBad,
            request.DataDir, notes, progress);
        var train = Decodable(splits.Train, features);
        if (train.Count == 0)
            throw new DataException(request.DataDir, "no training clip could be decoded");

        var targets = new FrameTargets(request.Features, splits.ClassNames);
        var trainFeatures = train.Select(e => features.Get(e.AudioPath)).ToList();
        int length = frames ?? (request.ClipSeconds is { } clip
            ? FrameCount(clip, request.Features)
            : trainFeatures.Max(f => f.GetLength(1)));
        normalization ??= LogMelData.FitBands(trainFeatures);

        var trainData = Build(train, trainFeatures, length, normalization, targets, "train", notes);
        var validationData = Build(Decodable(splits.Validation, features), features, length, normalization, targets, "validation", notes);
        var testData = Build(Decodable(testExamples, features), features, length, normalization, targets, "test", notes);
        return new EventTaskData
        {
            Train = trainData,
            Validation = validationData,
            Test = testData,
            Targets = targets,
            Normalization = normalization,
            Source = $"{splits.Source}: {trainData.Count:N0} / {validationData.Count:N0} / {(request.IncludeTest ? testData.Count.ToString("N0", CultureInfo.InvariantCulture) : "(unread)")} clips decoded"
                + (notes.Count > 0 ? $" ({notes.Count} note(s))" : ""),
            Notes = notes,
            InputShape = [1, request.Features.NMels, length],
            Extraction = features.Extraction,
        };
    }

    /// <summary>The frame count of a clip of <paramref name="seconds"/> (rounded to whole samples) under <paramref name="features"/>.</summary>
    public static int FrameCount(double seconds, LogMelOptions features)
    {
        long frames = LogMelSpectrogram.FrameCount((long)Math.Round(seconds * features.SampleRate), features);
        return frames is >= 1 and <= int.MaxValue
            ? (int)frames
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a clip of {seconds} s gives {frames} frames"));
    }

    private static List<EventExample> Decodable(IReadOnlyList<EventExample> examples, LogMelData features) =>
        examples.Where(e => !features.Failed.Contains(e.AudioPath)).ToList();

    private static EventSplitData Build(List<EventExample> examples, LogMelData features, int length,
        Normalization normalization, FrameTargets targets, string split, List<string> notes) =>
        Build(examples, examples.Select(e => features.Get(e.AudioPath)).ToList(), length, normalization, targets, split, notes);

    private static EventSplitData Build(List<EventExample> examples, List<float[,]> features, int length,
        Normalization normalization, FrameTargets targets, string split, List<string> notes)
    {
        int cut = features.Count(f => f.GetLength(1) > length);
        if (cut > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{cut} {split} clip(s) are longer than {length} frames ({targets.FrameStart(length):0.###} s) and were cut; events after that cannot be detected"));

        int classes = targets.ClassNames.Count;
        var frame = new float[(long)examples.Count * length * classes];
        var clip = new float[examples.Count * classes];
        var strong = new bool[examples.Count];
        for (int n = 0; n < examples.Count; n++)
        {
            var example = examples[n];
            if (example.IsWeak)
            {
                targets.Clip(example.WeakLabels!).CopyTo(clip, n * classes);
                continue;
            }
            strong[n] = true;
            var active = targets.Frames(example.Events, length);
            for (int t = 0; t < length; t++)
            {
                for (int c = 0; c < classes; c++)
                {
                    if (active[t, c] == 0)
                        continue;
                    frame[((long)n * length + t) * classes + c] = 1;
                    clip[n * classes + c] = 1;
                }
            }
        }
        return new EventSplitData
        {
            Inputs = LogMelData.Stack(features, length, normalization),
            FrameTargets = tensor(frame).reshape(examples.Count, length, classes),
            ClipTargets = tensor(clip).reshape(examples.Count, classes),
            Strong = tensor(strong),
            Examples = examples,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
