using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CompactConv.Models;

namespace CompactConv.Training;

/// <summary>Per-channel input normalisation, computed on the training split only.</summary>
public sealed record Normalization(double[] Mean, double[] Std);

/// <summary>
/// A run's config.json: everything needed to rebuild the model and its data pipeline, so that
/// evaluating or resuming a run needs no other flags.
/// </summary>
public sealed record RunConfig
{
    /// <summary>The share of the training data held out for validation when a dataset has no validation split of its own (every task).</summary>
    public const double DefaultValidationFraction = 0.1;

    /// <summary>Task name (<c>image</c>, <c>scenes</c> or <c>events</c>).</summary>
    public string Task { get; init; } = "image";

    /// <summary>Dataset name (image: <c>cifar10</c>, <c>cifar100</c>, <c>mnist</c>, <c>fashion-mnist</c>, <c>folders</c>; audio: see the scene and event datasets).</summary>
    public required string Dataset { get; init; }

    /// <summary>The --data folder the run was trained from, if one was given.</summary>
    public string? DataDir { get; init; }

    /// <summary>Human-readable description of the data actually used.</summary>
    public string? DataSource { get; init; }

    /// <summary>Use at most this many training samples (a seeded, class-balanced subset); null for all.</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Use at most this many test samples; null for all.</summary>
    public int? TestLimit { get; init; }

    /// <summary>
    /// Share of the training data held out for validation, which chooses the best epoch (and, for
    /// sound event detection, thresholds); the dataset's own validation split takes its place where it
    /// has one. The test split is never read while training.
    /// </summary>
    public double ValidationFraction { get; init; } = DefaultValidationFraction;

    /// <summary>The model to build.</summary>
    public required ModelSpec Model { get; init; }

    /// <summary>Class names, index-aligned with the model's outputs.</summary>
    public required string[] ClassNames { get; init; }

    /// <summary>Test fold of datasets that have folds (esc50, urbansound8k).</summary>
    public int? Fold { get; init; }

    /// <summary>Log-mel front end of audio tasks.</summary>
    public Audio.Features.LogMelOptions? Features { get; init; }

    /// <summary>
    /// How an image dataset was read (CIFAR-100 labels; folder image size, colour, split and skipping),
    /// so that evaluating or resuming reads the same images; absent for audio runs and older image runs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Data.Images.ImageDatasetOptions? ImageData { get; init; }

    /// <summary>
    /// Absolute path of the feature cache an audio run was trained with, which evaluation reads again
    /// unless told otherwise; absent for image runs and older audio runs (these use the default cache).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FeatureCacheDir { get; init; }

    /// <summary>Whether unreadable files were skipped when the run was made.</summary>
    public bool SkipBad { get; init; }

    /// <summary>
    /// Input normalisation from the training split: per channel for images, per mel band for audio.
    /// </summary>
    public required Normalization Normalization { get; init; }

    /// <summary>
    /// How sound event detection turns frame posteriors into events (thresholds, median filter, gaps,
    /// minimum length); null for the other tasks, and absent from their config.json.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Events.PostProcessingOptions? PostProcessing { get; init; }

    /// <summary>Training hyper-parameters.</summary>
    public required TrainingOptions Training { get; init; }

    /// <summary>
    /// What resumed invocations changed and from which epoch (<see cref="ConfigChange"/>); absent until one
    /// does. Only the settings that leave the steps already taken as they were may change.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConfigChange>? Changes { get; init; }

    /// <summary>
    /// A data folder as config.json holds it: absolute, so that <c>eval</c> and <c>--resume</c> work from any
    /// directory, and without a trailing separator, so that "data/" and "data" resume the same run.
    /// </summary>
    public static string FullDataPath(string dataDir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir));

    /// <summary>JSON settings shared by every file a run writes: snake_case names, lower-case enum names, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(new LowerCaseNamingPolicy()) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Serialises to indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a config.json; a missing or malformed file throws <see cref="DataException"/> naming it.</summary>
    public static RunConfig Load(string path)
    {
        if (!File.Exists(path)) throw new DataException(path, "no config.json here: not a run folder made by 'compactconv train'");
        try
        {
            return JsonSerializer.Deserialize<RunConfig>(File.ReadAllText(path), JsonOptions)
                ?? throw new DataException(path, "config is empty");
        }
        catch (JsonException e)
        {
            throw new DataException(path, $"malformed config: {e.Message}", e);
        }
    }

    private sealed class LowerCaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
