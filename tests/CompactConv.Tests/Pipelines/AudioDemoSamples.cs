using CompactConv.Tests.Audio.Synthesis;

namespace CompactConv.Tests.Pipelines;

/// <summary>
/// A sample folder in the layout of data/audio-samples, made separable on purpose: scene "hum" has
/// low sine backgrounds and scene "hiss" white noise; event "low" is a 500 Hz tone and "high" a
/// 2.5 kHz one. Four clips a label, so that each of train, validation and test gets its own. The
/// specs make 2-second soundscapes at 8 kHz in both layouts.
/// </summary>
public sealed class AudioDemoSamples : IDisposable
{
    public const int Rate = 8000;

    public TempFolder Folder { get; } = new();

    public string Dir => Folder.Path;

    public AudioDemoSamples()
    {
        for (int c = 0; c < 4; c++)
        {
            // Slightly different recordings of each kind, as real clips of one label are.
            Write($"backgrounds/hum/hum{c}.wav", Mix(TestWav.Sine(140 + 10 * c, 3.0, Rate, 0.3), TestWav.Noise(3.0, Rate, 0.01, c)));
            Write($"backgrounds/hiss/hiss{c}.wav", TestWav.Noise(3.0, Rate, 0.3, 10 + c));
            Write($"events/low/low{c}.wav", TestWav.Sine(480 + 15 * c, 0.3 + 0.1 * c, Rate, 0.5));
            Write($"events/high/high{c}.wav", TestWav.Sine(2400 + 50 * c, 0.3 + 0.1 * c, Rate, 0.5));
        }
        File.WriteAllText(Path.Combine(Dir, "scenes-demo.json"), """
            {
              "duration": 2.0, "sample_rate": 8000, "count": 40, "seed": 3,
              "foreground_dir": "events", "background_dir": "backgrounds",
              "scenes": [ { "label": "hum", "backgrounds": ["hum"] }, { "label": "hiss", "backgrounds": ["hiss"] } ],
              "events": { "labels": ["low", "high"], "count": {"min": 0, "max": 2}, "snr_db": {"min": 0, "max": 10},
                          "duration": {"min": 0.2, "max": 0.6} },
              "background_level_db": -30,
              "split": { "test_fraction": 0.25, "validate_fraction": 0.25 },
              "layout": "tau"
            }
            """);
        File.WriteAllText(Path.Combine(Dir, "events-demo.json"), """
            {
              "duration": 2.0, "sample_rate": 8000, "count": 40, "seed": 3,
              "foreground_dir": "events", "background_dir": "backgrounds",
              "backgrounds": ["hum", "hiss"],
              "events": { "labels": ["low", "high"], "count": {"min": 1, "max": 3}, "snr_db": {"min": 10, "max": 20},
                          "duration": {"min": 0.2, "max": 0.6} },
              "max_polyphony": 2,
              "background_level_db": -40,
              "split": { "test_fraction": 0.25, "validate_fraction": 0.25 },
              "layout": "urbansed"
            }
            """);
    }

    private void Write(string relative, float[] samples) => TestWav.Write(Path.Combine(Dir, relative), samples, Rate);

    private static float[] Mix(float[] a, float[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    public void Dispose() => Folder.Dispose();
}
