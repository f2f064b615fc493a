using System.Text.Json;

namespace CompactConv.Audio.Synthesis;

/// <summary>Reads a synthesis spec from JSON (format in docs/synth.md) and validates it.</summary>
public static class SynthSpecReader
{
    /// <summary>Scene label used when the spec has no "scenes" list.</summary>
    public const string DefaultSceneLabel = "soundscape";

    private static readonly string[] TopLevelFields =
    [
        "duration", "sample_rate", "count", "seed", "foreground_dir", "background_dir", "scenes", "events",
        "backgrounds", "overlap", "max_polyphony", "fade_seconds", "background_level_db", "background_gain_db", "split", "layout",
    ];

    /// <summary>
    /// Reads and validates the spec at <paramref name="path"/>. Relative folders resolve against the
    /// spec file's folder. Every problem throws <see cref="DataException"/> naming the spec file.
    /// </summary>
    public static SynthSpec Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new DataException(path, "spec file not found");
        string text = File.ReadAllText(full);
        return Parse(text, full);
    }

    /// <summary>Parses spec JSON; <paramref name="specPath"/> names the file in errors and anchors relative folders.</summary>
    public static SynthSpec Parse(string json, string specPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DataException(specPath, $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {ShortReason(e.Message)}", e);
        }
        using (document)
        {
            var spec = FromJson(new SpecJson(document.RootElement, "", specPath), specPath);
            SynthSpecValidator.Validate(spec);
            return spec;
        }
    }

    private static SynthSpec FromJson(SpecJson root, string specPath)
    {
        root.RejectUnknown(TopLevelFields);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(specPath)) ?? Directory.GetCurrentDirectory();
        double testFraction = 0.2, validateFraction = 0;
        if (root.Has("split"))
        {
            var split = root.Object("split");
            split.RejectUnknown("test_fraction", "validate_fraction");
            testFraction = split.Number("test_fraction", testFraction);
            validateFraction = split.Number("validate_fraction", validateFraction);
        }
        return new SynthSpec
        {
            SourcePath = specPath,
            Duration = root.Number("duration", 10.0),
            SampleRate = root.Integer("sample_rate", 44100),
            Count = root.Integer("count"),
            Seed = root.Integer("seed", 0),
            ForegroundDir = Path.GetFullPath(root.String("foreground_dir"), baseDir),
            BackgroundDir = Path.GetFullPath(root.String("background_dir"), baseDir),
            Scenes = ReadScenes(root, specPath),
            Overlap = ReadOverlap(root),
            MaxPolyphony = root.Has("max_polyphony") ? root.Integer("max_polyphony") : null,
            FadeSeconds = root.Number("fade_seconds", 0.01),
            BackgroundLevelDb = root.Has("background_level_db") ? root.Number("background_level_db") : null,
            BackgroundGainDb = root.Number("background_gain_db", 0.0),
            TestFraction = testFraction,
            ValidateFraction = validateFraction,
            Layout = ReadLayout(root),
        };
    }

    private static List<SceneSpec> ReadScenes(SpecJson root, string specPath)
    {
        // Top-level "events" doubles as the default for scenes that give none of their own.
        EventDistribution? shared = root.Has("events") ? ReadEvents(root.Object("events")) : null;
        if (!root.Has("scenes"))
        {
            if (shared is null) throw root.Fail("give either 'scenes' or a top-level 'events' block with 'backgrounds'");
            return [new SceneSpec { Label = DefaultSceneLabel, Backgrounds = root.Strings("backgrounds"), Events = shared }];
        }
        if (root.Has("backgrounds")) throw root.Fail("'backgrounds' belongs inside each scene when 'scenes' is given");
        var scenes = root.Get("scenes");
        if (scenes.ValueKind != JsonValueKind.Array || scenes.GetArrayLength() == 0) throw root.Fail("'scenes' must be a non-empty array");
        var result = new List<SceneSpec>();
        int i = 0;
        foreach (var item in scenes.EnumerateArray())
        {
            var scene = new SpecJson(item, $"scenes[{i++}]", specPath);
            scene.RejectUnknown("label", "weight", "backgrounds", "events");
            var events = scene.Has("events") ? ReadEvents(scene.Object("events"))
                : shared ?? throw scene.Fail($"'{scene.Child("events")}' is missing and there is no top-level 'events' block");
            result.Add(new SceneSpec
            {
                Label = scene.String("label"),
                Weight = scene.Number("weight", 1.0),
                Backgrounds = scene.Strings("backgrounds"),
                Events = events,
            });
        }
        return result;
    }

    private static EventDistribution ReadEvents(SpecJson events)
    {
        events.RejectUnknown("labels", "label_weights", "count", "snr_db", "duration", "onset");
        ValueRange? onset = null;
        if (events.Has("onset"))
        {
            var value = events.Get("onset");
            if (value.ValueKind == JsonValueKind.String)
            {
                if (value.GetString() != "uniform") throw events.Fail($"'{events.Child("onset")}' must be \"uniform\" or {{\"min\": .., \"max\": ..}}");
            }
            else
            {
                onset = events.Range("onset");
            }
        }
        return new EventDistribution
        {
            Labels = events.Strings("labels"),
            LabelWeights = events.Has("label_weights") ? events.Numbers("label_weights") : null,
            Count = events.IntegerRange("count"),
            SnrDb = events.Range("snr_db"),
            Duration = events.Range("duration"),
            Onset = onset,
        };
    }

    private static SynthLayout ReadLayout(SpecJson root)
    {
        if (!root.Has("layout")) return SynthLayout.Tau;
        string name = root.String("layout");
        return SynthLayoutNames.Parse(name) ?? throw root.Fail($"'layout' must be one of {string.Join(", ", SynthLayoutNames.All.Select(n => $"\"{n}\""))}, not \"{name}\"");
    }

    private static OverlapPolicy ReadOverlap(SpecJson root)
    {
        if (!root.Has("overlap")) return OverlapPolicy.Allow;
        return root.String("overlap") switch
        {
            "allow" => OverlapPolicy.Allow,
            "forbid" => OverlapPolicy.Forbid,
            var other => throw root.Fail($"'overlap' must be \"allow\" or \"forbid\", not \"{other}\""),
        };
    }

    // System.Text.Json appends its own "Path: $ | LineNumber: .." tail, which the message above already says better.
    private static string ShortReason(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).ReplaceLineEndings(" ").Trim();
    }
}
