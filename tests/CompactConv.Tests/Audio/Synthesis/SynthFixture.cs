using System.Text.Json.Nodes;

namespace CompactConv.Tests.Audio.Synthesis;

/// <summary>
/// A temp folder with sine-tone event clips (one frequency per label) and white-noise backgrounds
/// at 8 kHz, plus a spec for 2-second soundscapes that tests adjust before writing.
/// </summary>
public sealed class SynthFixture : IDisposable
{
    public const int Rate = 8000;

    public static readonly IReadOnlyDictionary<string, double> Frequencies = new Dictionary<string, double>
    {
        ["beep"] = 500,
        ["tone"] = 1200,
        ["whistle"] = 2600,
    };

    public TempFolder Folder { get; } = new();

    public string ForegroundDir => Path.Combine(Folder.Path, "fg");

    public string BackgroundDir => Path.Combine(Folder.Path, "bg");

    public string SpecPath => Folder.File("spec.json");

    public JsonObject Spec { get; }

    public SynthFixture(double eventAmplitude = 0.5, double backgroundAmplitude = 0.1)
    {
        int seed = 0;
        foreach (var (label, frequency) in Frequencies)
        {
            // Four clips per label of different lengths, so cutting and whole use both happen.
            for (int c = 0; c < 4; c++)
                TestWav.Write(Path.Combine(ForegroundDir, label, $"{label}{c}.wav"), TestWav.Sine(frequency, 0.6 + 0.3 * c, Rate, eventAmplitude), Rate);
        }
        foreach (var label in new[] { "hum", "hiss" })
        {
            // 1.5 s backgrounds are shorter than the 2 s soundscapes, so they loop.
            for (int c = 0; c < 3; c++)
                TestWav.Write(Path.Combine(BackgroundDir, label, $"{label}{c}.wav"), TestWav.Noise(c == 0 ? 1.5 : 3.0, Rate, backgroundAmplitude, seed++), Rate);
        }
        Spec = JsonNode.Parse("""
            {
              "duration": 2.0,
              "sample_rate": 8000,
              "count": 10,
              "seed": 7,
              "foreground_dir": "fg",
              "background_dir": "bg",
              "scenes": [
                { "label": "park", "weight": 1.0, "backgrounds": ["hum"],
                  "events": { "labels": ["beep", "tone"], "count": {"min": 1, "max": 3}, "snr_db": {"min": 6, "max": 20},
                              "duration": {"min": 0.3, "max": 0.8}, "onset": "uniform" } },
                { "label": "street", "weight": 2.0, "backgrounds": ["hiss"],
                  "events": { "labels": ["tone", "whistle"], "label_weights": [1, 3], "count": {"min": 1, "max": 2},
                              "snr_db": {"min": 0, "max": 10}, "duration": {"min": 0.2, "max": 0.6}, "onset": {"min": 0.1, "max": 1.9} } }
              ],
              "overlap": "forbid",
              "fade_seconds": 0.01,
              "background_gain_db": 0,
              "split": { "test_fraction": 0.3 }
            }
            """)!.AsObject();
    }

    /// <summary>Writes <see cref="Spec"/> and returns its path.</summary>
    public string WriteSpec()
    {
        File.WriteAllText(SpecPath, Spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return SpecPath;
    }

    public JsonObject Scene(int i) => Spec["scenes"]![i]!.AsObject();

    /// <summary>Sets the spec's split fractions.</summary>
    public void Split(double test, double validate = 0) =>
        Spec["split"] = new JsonObject { ["test_fraction"] = test, ["validate_fraction"] = validate };

    public void Dispose() => Folder.Dispose();
}
