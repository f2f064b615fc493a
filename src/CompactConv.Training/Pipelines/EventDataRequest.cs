using CompactConv.Audio.Features;
using CompactConv.Data.Events;

namespace CompactConv.Pipelines;

/// <summary>What to load for a sound event detection run.</summary>
public sealed record EventDataRequest
{
    /// <summary>Dataset layout name (urbansed, desed, tsv; see <see cref="EventDatasets"/>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Dataset root folder.</summary>
    public required string DataDir { get; init; }

    /// <summary>Leave out clips, events and files with problems (including undecodable audio) instead of failing, listing them.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Log-mel front end; its hop is also the frame step of the targets.</summary>
    public LogMelOptions Features { get; init; } = new();

    /// <summary>Feature cache folder (default: <see cref="SceneDataRequest.DefaultCacheDir"/>, shared with scene runs).</summary>
    public string? CacheDir { get; init; }

    /// <summary>Workers computing features.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the validation hold-out of layouts without a validation split.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Also extract and load the test split. Training leaves it out (its <see cref="EventTaskData.Test"/> is
    /// then empty), so that nothing a run chooses can depend on it; <c>eval</c> reads it.
    /// </summary>
    public bool IncludeTest { get; init; }

    /// <summary>Share of the strongly labelled training clips held out for validation when the layout has no validation split, in [0, 1).</summary>
    public double ValidationFraction { get; init; } = Training.RunConfig.DefaultValidationFraction;

    /// <summary>
    /// Length every clip is padded or cut to, in seconds (turned into the frame count of a clip of that
    /// many samples); null takes the longest training clip.
    /// </summary>
    public double? ClipSeconds { get; init; }

    /// <summary>Annotation files to read instead of the layout's own (desed and tsv); null uses the layout's.</summary>
    public IReadOnlyList<EventSplitFile>? SplitFiles { get; init; }
}
