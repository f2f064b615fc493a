using CompactConv.Audio;
using CompactConv.Data.Events;
using static CompactConv.Tests.Data.Audio.AudioFixtures;

namespace CompactConv.Tests.Data.Events;

/// <summary>Writes event dataset layouts with real WAV files, since the loaders read their headers for the clip length.</summary>
internal static class EventFixtures
{
    /// <summary>Fixture audio rate: 1 kHz keeps files tiny while durations stay exact to the millisecond.</summary>
    public const int Rate = 1000;

    /// <summary>Writes a mono PCM16 WAV of <paramref name="seconds"/> (rounded to whole samples) of a quiet sawtooth.</summary>
    public static void WriteWav(string root, string relative, double seconds, float level = 0.1f, int rate = Rate)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        int samples = (int)Math.Round(seconds * rate);
        var channel = new float[samples];
        for (int i = 0; i < samples; i++) channel[i] = level * ((i % 50) / 25f - 1);
        WavWriter.Write(path, [channel], rate);
    }

    /// <summary>A strong event list: the header and one tab-separated row per "file onset offset label" string.</summary>
    public static void WriteEventList(string root, string relative, params string[] rows) =>
        WriteLines(root, relative, ["filename\tonset\toffset\tevent_label", .. rows.Select(r => r.Replace(' ', '\t'))]);

    public static string[] Names(IEnumerable<EventExample> examples) => examples.Select(e => e.FileName).ToArray();

    public static SoundEvent Event(string file, double onset, double offset, string label) => new(file, onset, offset, label);
}
